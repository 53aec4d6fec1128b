package io.leadscore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadscore.domain.engine.ContactScoreState;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.NaiveScorer;
import io.leadscore.domain.engine.ScoringEngine;
import io.leadscore.domain.event.Event;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the benchmarks against measuring the wrong thing: the fixture model is the intended
 * 20-rule model, the histories are what the engine expects, and the engine, the naive scorer and
 * the incremental state agree on the benchmark data.
 */
class EngineFixturesTest {

  @Test
  void the_model_has_6_fit_and_14_engagement_rules_using_every_kind() {
    var model = EngineFixtures.aModel();

    assertThat(model.fit()).hasSize(6);
    assertThat(model.engagement()).hasSize(14);
    assertThat(model.fit().stream().filter(rule -> rule.points() < 0)).isNotEmpty();
    assertThat(
            model.engagement().stream()
                .map(rule -> rule.decay().getClass().getSimpleName())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("None", "HalfLife", "PerDay", "Expires");
    assertThat(
            model.engagement().stream()
                .map(rule -> rule.limit().getClass().getSimpleName())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("Unlimited", "Times", "TimesPer");
    assertThat(
            model.engagement().stream()
                .map(rule -> rule.trigger().getClass().getSimpleName())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("EachEvent", "Count");
    assertThat(model.topics()).hasSize(1);
    assertThat(model.tiers()).extracting(tier -> tier.id()).containsExactly("cold", "warm", "hot");
    assertThat(model.grades()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10, 100, 200, 1000, 10000})
  void events_are_sorted_unique_and_within_the_year_before_as_of(int n) {
    List<Event> events = EngineFixtures.events(n, EngineFixtures.SEED);

    assertThat(events).hasSize(n).isSortedAccordingTo(Event.ORDER);
    assertThat(new HashSet<>(events.stream().map(Event::eventKey).toList())).hasSize(n);
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.occurredAt()).isBeforeOrEqualTo(EngineFixtures.AS_OF);
              assertThat(event.occurredAt())
                  .isAfter(EngineFixtures.AS_OF.minus(EngineFixtures.SPAN));
              assertThat(event.eventKey()).matches("[A-Za-z0-9._:-]{1,128}");
            });
  }

  @Test
  void events_are_deterministic_and_the_shuffle_keeps_them_all() {
    List<Event> events = EngineFixtures.events(1000, EngineFixtures.SEED);

    assertThat(EngineFixtures.events(1000, EngineFixtures.SEED)).isEqualTo(events);
    List<Event> shuffled = EngineFixtures.shuffled(events, EngineFixtures.SEED);
    assertThat(shuffled).isNotEqualTo(events).containsExactlyInAnyOrderElementsOf(events);
  }

  @Test
  void types_are_weighted_like_real_engagement() {
    var counts =
        EngineFixtures.events(10_000, EngineFixtures.SEED).stream()
            .collect(Collectors.groupingBy(Event::type, Collectors.counting()));

    assertThat(counts.get("email.opened")).isGreaterThan(counts.get("email.clicked"));
    assertThat(counts.get("email.clicked")).isGreaterThan(counts.get("page.viewed"));
    assertThat(counts.get("page.viewed")).isGreaterThan(counts.get("form.submitted"));
    assertThat(counts.get("form.submitted")).isGreaterThan(counts.get("content.downloaded"));
    assertThat(counts.get("content.downloaded")).isGreaterThan(counts.get("demo.requested"));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 100, 1000})
  void engine_naive_and_incremental_agree_on_the_benchmark_data(int n) {
    var model = EngineFixtures.aModel();
    var contact = EngineFixtures.aContact();
    List<Event> events = EngineFixtures.events(n, EngineFixtures.SEED);

    LeadScore engine = ScoringEngine.score(model, contact, events, EngineFixtures.AS_OF);
    LeadScore naive = NaiveScorer.score(model, contact, events, EngineFixtures.AS_OF);
    var state = new ContactScoreState(model);
    EngineFixtures.shuffled(events, EngineFixtures.SEED).forEach(state::fold);
    LeadScore incremental = state.scoreAt(contact, EngineFixtures.AS_OF);

    assertSameScore(engine, naive);
    assertSameScore(incremental, naive);
    // The data must exercise the model, or the benchmark would time an idle engine.
    assertThat(naive.breakdown()).hasSizeGreaterThan(model.fit().size());
  }

  /**
   * Equal LeadScores, figures compared to 1e-9: implementations may sum the same terms in another
   * order, which changes the last bits of a double but no displayed figure.
   */
  private static void assertSameScore(LeadScore actual, LeadScore expected) {
    assertThat(actual.model()).isEqualTo(expected.model());
    assertThat(actual.asOf()).isEqualTo(expected.asOf());
    assertThat(actual.tier()).isEqualTo(expected.tier());
    assertThat(actual.grade()).isEqualTo(expected.grade());
    assertThat(actual.topics()).isEqualTo(expected.topics());
    assertThat(actual.score()).isCloseTo(expected.score(), within(1e-9));
    assertThat(actual.fit()).isCloseTo(expected.fit(), within(1e-9));
    assertThat(actual.engagement()).isCloseTo(expected.engagement(), within(1e-9));
    assertThat(actual.breakdown()).hasSameSizeAs(expected.breakdown());
    for (int i = 0; i < expected.breakdown().size(); i++) {
      var got = actual.breakdown().get(i);
      var want = expected.breakdown().get(i);
      assertThat(got.rule()).isEqualTo(want.rule());
      assertThat(got.kind()).isEqualTo(want.kind());
      assertThat(got.awards()).as("awards of %s", want.rule()).isEqualTo(want.awards());
      assertThat(got.points())
          .as("points of %s", want.rule())
          .isCloseTo(want.points(), within(1e-9));
    }
  }
}
