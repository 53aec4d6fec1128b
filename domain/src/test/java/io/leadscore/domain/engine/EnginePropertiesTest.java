package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.fixtures.ModelFixtures;
import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.Scale;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.model.rule.Decay;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.FitRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine's two defining properties (scoring-model.md) and its invariants (quality.md,
 * engine-properties), over random models, histories, arrival orders and instants. The oracle
 * is {@link NaiveScorer}, written independently from the spec's text.
 */
class EnginePropertiesTest {

  /** A random model, a history (with ties and events after asOf) and instants to look at. */
  record Scenario(ScoringModel model, Contact contact, List<Event> events, Instant asOf, Instant other, long seed) {}

  private static final List<String> TYPES =
      List.of("email.opened", "email.clicked", "form.submitted", "page.viewed", "demo.requested");

  @Property(tries = 300)
  void engine_equals_the_literal_spec(@ForAll("scenarios") Scenario s) {
    assertThat(ScoringEngine.score(s.model(), s.contact(), s.events(), s.asOf()))
        .isEqualTo(NaiveScorer.score(s.model(), s.contact(), s.events(), s.asOf()));
  }

  @Property(tries = 300)
  void retroactive_equals_incremental_in_any_arrival_order(@ForAll("scenarios") Scenario s) {
    var shuffled = new ArrayList<>(s.events());
    Collections.shuffle(shuffled, new Random(s.seed()));
    ContactScoreState state = ScoringEngine.compile(s.model()).newState();
    shuffled.forEach(state::fold);
    assertThat(state.scoreAt(s.contact(), s.asOf()))
        .isEqualTo(ScoringEngine.score(s.model(), s.contact(), s.events(), s.asOf()));
  }

  @Property(tries = 300)
  void time_travel_one_state_answers_for_any_instant(@ForAll("scenarios") Scenario s) {
    ContactScoreState state = ScoringEngine.compile(s.model()).newState();
    s.events().reversed().forEach(state::fold);
    for (Instant at : List.of(s.asOf(), s.other(), T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(400)))) {
      assertThat(state.scoreAt(s.contact(), at)).isEqualTo(NaiveScorer.score(s.model(), s.contact(), s.events(), at));
    }
  }

  @Property(tries = 300)
  void breakdown_sums_to_fit_plus_engagement_and_score_is_clamped(@ForAll("scenarios") Scenario s) {
    LeadScore score = ScoringEngine.score(s.model(), s.contact(), s.events(), s.asOf());
    double sum = score.breakdown().stream().mapToDouble(LeadScore.Contribution::points).sum();
    assertThat(sum).isCloseTo(score.fit() + score.engagement(), within(1e-6));
    Scale scale = s.model().scale();
    assertThat(score.score()).isBetween(scale.floor(), scale.cap());
    assertThat(score.score()).isEqualTo(scale.clamp(score.fit() + score.engagement()));
    Tier tier = s.model().tiers().stream().filter(t -> t.id().equals(score.tier())).findFirst().orElseThrow();
    int index = s.model().tiers().indexOf(tier);
    if (index > 0) {
      assertThat(tier.from()).isLessThanOrEqualTo(score.score());
    }
    if (index + 1 < s.model().tiers().size()) {
      assertThat(s.model().tiers().get(index + 1).from()).isGreaterThan(score.score());
    }
    Grade grade = s.model().grades().stream().filter(g -> g.id().equals(score.grade())).findFirst().orElseThrow();
    int gradeIndex = s.model().grades().indexOf(grade);
    if (gradeIndex + 1 < s.model().grades().size()) {
      assertThat(s.model().grades().get(gradeIndex + 1).from()).isGreaterThan(score.fit());
    }
  }

  @Property(tries = 300)
  void decay_never_grows_an_award(
      @ForAll("decays") Decay decay,
      @ForAll("points") double points,
      @ForAll("ages") Duration younger,
      @ForAll("ages") Duration extra) {
    double now = decay.apply(points, younger);
    double later = decay.apply(points, younger.plus(extra));
    assertThat(Math.abs(later)).isLessThanOrEqualTo(Math.abs(now));
    assertThat(later * points).isGreaterThanOrEqualTo(0); // never crosses zero
    assertThat(Math.abs(now)).isLessThanOrEqualTo(Math.abs(points));
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<EngagementRule>> rules = rule().list().ofMinSize(0).ofMaxSize(6).uniqueElements(EngagementRule::id);
    Arbitrary<List<Event>> events = event().list().ofMaxSize(60).uniqueElements(Event::eventKey);
    Arbitrary<Scale> scales =
        Arbitraries.of(Scale.UNBOUNDED, new Scale(0, 100), new Scale(-20, 1000), new Scale(0, 0));
    Arbitrary<Integer> topicThreshold = Arbitraries.integers().between(1, 3);
    Arbitrary<Long> minutes = Arbitraries.longs().between(0, 100L * 24 * 60);
    Arbitrary<Contact> contacts =
        Arbitraries.of(
            Contact.EMPTY,
            ModelFixtures.contact("title", "VP Marketing", "company_size", 250),
            ModelFixtures.taggedContact(Set.of("prospect"), "title", "Student"));
    return Combinators.combine(rules, events, scales, topicThreshold, minutes, minutes, contacts, Arbitraries.longs())
        .as(
            (engagement, history, scale, threshold, asOfMinutes, otherMinutes, contact, seed) -> {
              List<Tier> tiers = scale.hasFloor()
                  ? List.of(new Tier("cold", scale.floor()), new Tier("warm", scale.floor() + 30), new Tier("hot", scale.floor() + 60))
                  : ModelFixtures.coldWarmHot();
              List<FitRule> fit =
                  List.of(
                      new FitRule("vp", 20, new Condition.OnField("title", new FieldTest.Contains("vp"))),
                      new FitRule("prospect", 30, new Condition.HasTag("prospect")),
                      new FitRule("student", -40, new Condition.OnField("title", new FieldTest.Contains("student"))));
              Topic topic =
                  new Topic("t", ModelFixtures.types("email.clicked"), new Condition.Always(), "url", threshold);
              var model =
                  new ScoringModel(
                      "p", "p", scale, fit, engagement, List.of(topic), tiers,
                      List.of(new Grade("C", -100), new Grade("B", 0), new Grade("A", 30)));
              return new Scenario(
                  model, contact, history, T0.plus(Duration.ofMinutes(asOfMinutes)),
                  T0.plus(Duration.ofMinutes(otherMinutes)), seed);
            });
  }

  private Arbitrary<EngagementRule> rule() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("abcdefgh").ofLength(3);
    Arbitrary<String> on = Arbitraries.of("email.opened", "email.clicked", "form.submitted", "email.*", "*");
    Arbitrary<Condition> where =
        Arbitraries.of(
            new Condition.Always(),
            new Condition.OnField("form", new FieldTest.Equals(new Value.Text("a"))),
            new Condition.Not(new Condition.OnField("form", new FieldTest.Exists(true))));
    Arbitrary<Trigger> trigger =
        Arbitraries.oneOf(
            Arbitraries.just(new Trigger.EachEvent()),
            Combinators.combine(Arbitraries.integers().between(1, 4), windows()).as(Trigger.Count::new));
    Arbitrary<Limit> limit =
        Arbitraries.oneOf(
            Arbitraries.just(new Limit.Unlimited()),
            Arbitraries.integers().between(1, 5).map(Limit.Times::new),
            Combinators.combine(Arbitraries.integers().between(1, 3), windows()).as(Limit.TimesPer::new));
    return Combinators.combine(ids, points(), on, where, trigger, limit, decays())
        .as((id, points, type, condition, trig, lim, decay) ->
            new EngagementRule(id, points, ModelFixtures.types(type), condition, trig, lim, decay));
  }

  private Arbitrary<Event> event() {
    Arbitrary<String> keys = Arbitraries.strings().withChars("abcdefghij0123456789").ofMinLength(1).ofMaxLength(4);
    // hours, so that equal timestamps (ties) are common
    Arbitrary<Integer> hours = Arbitraries.integers().between(0, 95 * 24).map(h -> h - h % 5);
    Arbitrary<String> forms = Arbitraries.of("a", "b", "");
    Arbitrary<String> urls = Arbitraries.of("u1", "u2", "u3", "");
    return Combinators.combine(keys, Arbitraries.of(TYPES), hours, forms, urls)
        .as((key, type, hour, form, url) -> {
          var props = new ArrayList<Object>();
          if (!form.isEmpty()) {
            props.addAll(List.of("form", form));
          }
          if (!url.isEmpty()) {
            props.addAll(List.of("url", url));
          }
          return ModelFixtures.eventAt(key, type, T0.plus(Duration.ofHours(hour)), props.toArray());
        });
  }

  private Arbitrary<Duration> windows() {
    return Arbitraries.of(Duration.ofHours(1), Duration.ofHours(30), Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(30));
  }

  @Provide
  Arbitrary<Double> points() {
    return Arbitraries.oneOf(
        Arbitraries.of(-50.0, -1.0, 0.0, 0.5, 1.0, 5.0, 10.0, 25.0, 310.0),
        Arbitraries.doubles().between(-100, 100).ofScale(3));
  }

  @Provide
  Arbitrary<Decay> decays() {
    return Arbitraries.oneOf(
        Arbitraries.just(new Decay.None()),
        windows().map(Decay.HalfLife::new),
        Arbitraries.doubles().between(0, 5).ofScale(2).map(Decay.PerDay::new),
        windows().map(Decay.Expires::new));
  }

  @Provide
  Arbitrary<Duration> ages() {
    return Arbitraries.longs().between(0, 200L * 86_400).map(Duration::ofSeconds);
  }
}
