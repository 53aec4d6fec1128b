package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Scale;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.model.rule.Decay;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples from the field (issue: "worked examples taken from the field"). */
class WorkedExamplesTest {

  /** Explicit / implicit scoring table: explicit = who they are, implicit = what they did. */
  @Test
  void explicit_implicit_table() {
    ScoringModel model =
        withTiers(
            model(
                List.of(fit("active-prospect", 30, new Condition.HasTag("active-prospect"))),
                List.of(
                    withWhere(
                        onEvery("consultation-request", 310, "form.submitted"),
                        new Condition.OnField("form", new FieldTest.Equals(new Value.Text("consultation")))),
                    onEvery("clicked-message", 10, "email.clicked"),
                    onEvery("submitted-form", 25, "form.submitted"),
                    onEvery("downloaded-media", 25, "content.downloaded"))),
            coldWarmHot(),
            List.of());
    Contact prospect = taggedContact(Set.of("Active-Prospect"), "email", "ana@acme.com");
    var events =
        List.of(
            event("m1", "email.clicked", days(1)),
            event("m2", "email.clicked", days(2)),
            event("d1", "content.downloaded", days(3), "content", "whitepaper.pdf"),
            event("f1", "form.submitted", days(4), "form", "consultation"));
    LeadScore score = ScoringEngine.score(model, prospect, events, T0.plus(days(5)));
    // 30 (tag) + 310 (consultation) + 25 (any form) + 2 x 10 (clicks) + 25 (download)
    assertThat(score.fit()).isEqualTo(30);
    assertThat(score.engagement()).isEqualTo(380);
    assertThat(score.score()).isEqualTo(410);
    assertThat(score.tier()).isEqualTo("hot");
    assertThat(score.breakdown())
        .extracting(LeadScore.Contribution::rule, LeadScore.Contribution::awards, LeadScore.Contribution::points)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("active-prospect", 1, 30.0),
            org.assertj.core.groups.Tuple.tuple("consultation-request", 1, 310.0),
            org.assertj.core.groups.Tuple.tuple("clicked-message", 2, 20.0),
            org.assertj.core.groups.Tuple.tuple("submitted-form", 1, 25.0),
            org.assertj.core.groups.Tuple.tuple("downloaded-media", 1, 25.0));
  }

  /** A contact who clicked all three security articles wants to talk about security. */
  @Test
  void three_security_articles_make_an_interested_topic() {
    var articles =
        List.<Value.Scalar>of(
            new Value.Text("https://ex.com/blog/network-risks"),
            new Value.Text("https://ex.com/blog/mobile-risks"),
            new Value.Text("https://ex.com/blog/ransomware"));
    Topic security =
        new Topic("network-security", types("email.clicked"), new Condition.OnField("url", new FieldTest.In(articles)), "url", 3);
    ScoringModel model = withTopics(engagementModel(onEvery("email-click", 10, "email.clicked")), security);
    var twoOfThree =
        List.of(
            event("a", "email.clicked", days(1), "url", "https://ex.com/blog/network-risks"),
            event("b", "email.clicked", days(2), "url", "https://ex.com/blog/mobile-risks"),
            event("c", "email.clicked", days(3), "url", "https://ex.com/blog/mobile-risks"));
    assertThat(ScoringEngine.score(model, Contact.EMPTY, twoOfThree, T0.plus(days(9))).topics())
        .containsExactly(new LeadScore.TopicInterest("network-security", 2, false));
    var allThree = new java.util.ArrayList<Event>(twoOfThree);
    allThree.add(event("d", "email.clicked", days(8), "url", "https://ex.com/blog/ransomware"));
    assertThat(ScoringEngine.score(model, Contact.EMPTY, allThree, T0.plus(days(9))).topics())
        .containsExactly(new LeadScore.TopicInterest("network-security", 3, true));
  }

  /** 1 / 5 / 20 / 100 points (open / click / download / demo), opens and clicks degrading daily. */
  @Test
  void one_five_twenty_hundred_with_daily_degradation_on_opens_and_clicks_only() {
    ScoringModel model =
        withScale(
            engagementModel(
                withDecay(onEvery("open", 1, "email.opened"), new Decay.PerDay(0.1)),
                withDecay(onEvery("click", 5, "email.clicked"), new Decay.PerDay(0.5)),
                onEvery("download", 20, "content.downloaded"),
                onEvery("demo-request", 100, "demo.requested")),
            new Scale(0, 1000));
    var events =
        List.of(
            event("o1", "email.opened", days(0)),
            event("o2", "email.opened", days(1)),
            event("o3", "email.opened", days(2)),
            event("c1", "email.clicked", days(1)),
            event("c2", "email.clicked", days(2)),
            event("dl", "content.downloaded", days(2)),
            event("demo", "demo.requested", days(3)));
    LeadScore atDay5 = ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(5)));
    // opens aged 5, 4, 3 days: 0.5 + 0.6 + 0.7; clicks aged 4, 3: 3 + 3.5; download 20; demo 100
    assertThat(Figures.round(atDay5.score())).isEqualByComparingTo("128.3");
    assertThat(Figures.round(atDay5.breakdown().get(0).points())).isEqualByComparingTo("1.8");
    assertThat(Figures.round(atDay5.breakdown().get(1).points())).isEqualByComparingTo("6.5");
    // a year later only the download and the demo request remain
    LeadScore aYearLater = ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(365)));
    assertThat(aYearLater.score()).isEqualTo(120);
    assertThat(aYearLater.breakdown()).extracting(LeadScore.Contribution::awards).containsExactly(3, 2, 1, 1);
  }
}
