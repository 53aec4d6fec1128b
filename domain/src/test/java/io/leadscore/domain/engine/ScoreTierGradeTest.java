package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.Scale;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fit, score clamping, tiers and grades (Semantics 1, 3, 4, 6). */
class ScoreTierGradeTest {

  private static List<Event> clicks(int count) {
    var events = new ArrayList<Event>();
    for (int i = 0; i < count; i++) {
      events.add(event(String.format("c%04d", i), "email.clicked", days(i * 0.01)));
    }
    return events;
  }

  private static final ScoringModel CLICKS = engagementModel(onEvery("click", 10, "email.clicked"));

  @Test
  void fit_rules_count_once_each_on_current_attributes_and_tags() {
    ScoringModel model =
        model(
            List.of(
                fit("decision-maker", 20, new Condition.OnField("title", new FieldTest.Contains("vp"))),
                fit("prospect", 30, new Condition.HasTag("Active-Prospect")),
                fit("student", -40, new Condition.OnField("title", new FieldTest.Contains("student")))),
            List.of());
    Contact vp = taggedContact(Set.of("ACTIVE-prospect"), "title", "VP Sales");
    LeadScore score = ScoringEngine.score(model, vp, List.of(), T0);
    assertThat(score.fit()).isEqualTo(50);
    assertThat(score.engagement()).isZero();
    assertThat(score.breakdown())
        .extracting(LeadScore.Contribution::rule, LeadScore.Contribution::kind, LeadScore.Contribution::awards)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("decision-maker", LeadScore.Kind.FIT, 1),
            org.assertj.core.groups.Tuple.tuple("prospect", LeadScore.Kind.FIT, 1));
  }

  @Test
  void score_is_clamped_at_the_cap_while_engagement_is_reported_unclamped() {
    ScoringModel capped = withScale(CLICKS, new Scale(0, 100));
    LeadScore score = ScoringEngine.score(capped, Contact.EMPTY, clicks(15), T0.plus(days(1)));
    assertThat(score.score()).isEqualTo(100);
    assertThat(score.engagement()).isEqualTo(150);
  }

  @Test
  void score_is_clamped_at_the_floor_for_negative_totals() {
    ScoringModel model =
        withScale(engagementModel(onEvery("unsubscribed", -50, "email.unsubscribed")), new Scale(0, 1000));
    LeadScore score =
        ScoringEngine.score(model, Contact.EMPTY, List.of(event("u", "email.unsubscribed", days(0))), T0.plus(days(1)));
    assertThat(score.score()).isZero();
    assertThat(score.engagement()).isEqualTo(-50);
  }

  @Test
  void tier_is_the_last_tier_whose_from_is_at_or_below_the_score() {
    ScoringModel tiered = withTiers(CLICKS, coldWarmHot(), List.of());
    assertThat(ScoringEngine.score(tiered, Contact.EMPTY, clicks(4), T0.plus(days(1))).tier()).isEqualTo("cold");
    assertThat(ScoringEngine.score(tiered, Contact.EMPTY, clicks(5), T0.plus(days(1))).tier()).isEqualTo("warm");
    assertThat(ScoringEngine.score(tiered, Contact.EMPTY, clicks(10), T0.plus(days(1))).tier()).isEqualTo("hot");
  }

  @Test
  void below_every_tier_without_a_floor_is_the_first_tier() {
    ScoringModel model =
        withTiers(engagementModel(onEvery("unsubscribed", -50, "email.unsubscribed")), coldWarmHot(), List.of());
    LeadScore score =
        ScoringEngine.score(model, Contact.EMPTY, List.of(event("u", "email.unsubscribed", days(0))), T0.plus(days(1)));
    assertThat(score.score()).isEqualTo(-50);
    assertThat(score.tier()).isEqualTo("cold");
  }

  @Test
  void tier_is_decided_on_the_unrounded_score() {
    // 49.996 rounds to 50 for display but is still below warm's 50
    ScoringModel model =
        withTiers(engagementModel(onEvery("r", 49.996, "email.clicked")), coldWarmHot(), List.of());
    LeadScore score = ScoringEngine.score(model, Contact.EMPTY, clicks(1), T0.plus(days(1)));
    assertThat(Figures.round(score.score())).isEqualByComparingTo("50");
    assertThat(score.tier()).isEqualTo("cold");
  }

  @Test
  void grade_is_decided_on_the_fit_score_alone() {
    ScoringModel model =
        withTiers(
            model(
                List.of(fit("vp", 35, new Condition.OnField("title", new FieldTest.Contains("vp")))),
                List.of(onEvery("click", 10, "email.clicked"))),
            List.of(),
            List.of(new Grade("D", -1_000_000), new Grade("C", 10), new Grade("B", 30), new Grade("A", 60)));
    LeadScore score = ScoringEngine.score(model, contact("title", "VP"), clicks(10), T0.plus(days(1)));
    assertThat(score.grade()).isEqualTo("B");
    assertThat(score.tier()).isNull();
  }

  @Test
  void without_tiers_or_grades_both_are_null() {
    LeadScore score = ScoringEngine.score(CLICKS, Contact.EMPTY, clicks(3), T0.plus(days(1)));
    assertThat(score.tier()).isNull();
    assertThat(score.grade()).isNull();
  }

  @Test
  void grade_below_every_from_is_the_first_grade() {
    ScoringModel model =
        withTiers(
            model(List.of(fit("student", -40, new Condition.Always())), List.of()),
            List.of(),
            List.of(new Grade("D", 0), new Grade("A", 60)));
    assertThat(ScoringEngine.score(model, Contact.EMPTY, List.of(), T0).grade()).isEqualTo("D");
  }

  @Test
  void breakdown_lists_fit_rules_then_engagement_rules_in_model_order_and_sums_to_the_total() {
    ScoringModel model =
        model(
            List.of(
                fit("b-fit", 5, new Condition.Always()),
                fit("a-fit", 7, new Condition.OnField("title", new FieldTest.Exists(true)))),
            List.of(
                onEvery("z-open", 1, "email.opened"),
                onEvery("never", 100, "demo.requested"),
                onEvery("a-click", 3, "email.clicked")));
    var events =
        List.of(event("1", "email.clicked", days(0)), event("2", "email.opened", days(1)), event("3", "email.clicked", days(2)));
    LeadScore score = ScoringEngine.score(model, contact("title", new Value.Text("x")), events, T0.plus(days(3)));
    assertThat(score.breakdown()).extracting(LeadScore.Contribution::rule).containsExactly("b-fit", "a-fit", "z-open", "a-click");
    double sum = score.breakdown().stream().mapToDouble(LeadScore.Contribution::points).sum();
    assertThat(sum).isEqualTo(score.fit() + score.engagement());
    assertThat(score.score()).isEqualTo(19);
  }

  @Test
  void tiers_use_the_clamped_score() {
    ScoringModel model = withTiers(withScale(CLICKS, new Scale(0, 60)), coldWarmHot(), List.of());
    LeadScore score = ScoringEngine.score(model, Contact.EMPTY, clicks(20), T0.plus(days(1)));
    assertThat(score.score()).isEqualTo(60);
    assertThat(score.tier()).isEqualTo("warm");
  }
}
