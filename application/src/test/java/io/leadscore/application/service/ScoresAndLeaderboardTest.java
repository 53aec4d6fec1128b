package io.leadscore.application.service;

import static io.leadscore.application.service.Scenario.MODEL;
import static io.leadscore.application.service.Scenario.WS;
import static io.leadscore.application.service.Scenario.click;
import static io.leadscore.application.service.Scenario.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.leadscore.application.port.in.Distribution;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.LeaderboardPage;
import io.leadscore.application.port.in.LeaderboardQuery;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.ScoreContactQuery;
import io.leadscore.application.port.in.TimelinePoint;
import io.leadscore.application.port.in.TimelineQuery;
import io.leadscore.application.port.in.UpsertContactCommand;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.domain.engine.LeadScore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoresAndLeaderboardTest {
  private final Scenario scenario = new Scenario().published(10);

  private String idOf(String email) {
    return scenario.app.findContact.find(WS, new ContactIdentity.ByEmail(email)).id();
  }

  private LeadScore scoreAt(String email, String at) {
    return scenario
        .app
        .score
        .score(new ScoreContactQuery(WS, idOf(email), MODEL, Instant.parse(at)))
        .score();
  }

  @Test
  void a_score_names_the_live_version_that_computed_it() {
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T00:00:00Z"));
    var scored =
        scenario.app.score.score(
            new ScoreContactQuery(
                WS, idOf("ada@example.com"), MODEL, Instant.parse("2026-11-02T00:00:00Z")));
    assertThat(scored.modelVersion()).isEqualTo(1);
  }

  @Test
  void a_score_is_exact_at_any_instant_including_decay_and_future_events() {
    scenario.ingest(
        click("k1", "ada@example.com", "2026-11-01T00:00:00Z"),
        event("k2", "demo.requested", "2026-12-01T00:00:00Z", Map.of("email", "ada@example.com")));

    assertThat(scoreAt("ada@example.com", "2026-10-31T00:00:00Z").score()).isZero();
    assertThat(scoreAt("ada@example.com", "2026-11-01T00:00:00Z").score()).isEqualTo(10);
    assertThat(scoreAt("ada@example.com", "2026-12-01T00:00:00Z").score())
        .isCloseTo(65, within(1e-9));
    assertThat(scoreAt("ada@example.com", "2026-12-01T00:00:00Z").tier()).isEqualTo("hot");
  }

  @Test
  void a_timeline_gives_each_step_as_the_score_would_at_that_instant() {
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T00:00:00Z"));
    List<TimelinePoint> points =
        scenario.app.timeline.timeline(
            new TimelineQuery(
                WS,
                idOf("ada@example.com"),
                MODEL,
                Instant.parse("2026-10-31T00:00:00Z"),
                Instant.parse("2026-12-30T00:00:00Z"),
                Duration.ofDays(30)));

    assertThat(points).extracting(TimelinePoint::at).hasSize(3);
    assertThat(points)
        .extracting(TimelinePoint::score)
        .containsExactly(0.0, 10 * Math.pow(0.5, 29.0 / 30), 10 * Math.pow(0.5, 59.0 / 30));
  }

  @Test
  void a_timeline_refuses_backwards_ranges_and_too_many_points() {
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T00:00:00Z"));
    String ada = idOf("ada@example.com");
    assertThatThrownBy(
            () ->
                scenario.app.timeline.timeline(
                    new TimelineQuery(
                        WS,
                        ada,
                        MODEL,
                        Scenario.START,
                        Scenario.START.minusSeconds(1),
                        Duration.ofHours(1))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                scenario.app.timeline.timeline(
                    new TimelineQuery(
                        WS,
                        ada,
                        MODEL,
                        Scenario.START,
                        Scenario.START.plus(Duration.ofDays(365)),
                        Duration.ofMinutes(1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("1000");
  }

  @Test
  void a_timeline_counts_sub_second_steps_exactly_and_survives_a_huge_step() {
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T00:00:00Z"));
    String ada = idOf("ada@example.com");
    Instant from = Instant.parse("2026-11-02T00:00:00Z");
    assertThatThrownBy(
            () ->
                scenario.app.timeline.timeline(
                    new TimelineQuery(
                        WS, ada, MODEL, from, from.plusSeconds(100), Duration.ofNanos(100_000))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("step must be at least");
    assertThat(
            scenario.app.timeline.timeline(
                new TimelineQuery(WS, ada, MODEL, from, from.plusSeconds(1), Duration.ofMillis(2))))
        .hasSize(501);
    assertThat(
            scenario.app.timeline.timeline(
                new TimelineQuery(
                    WS,
                    ada,
                    MODEL,
                    Instant.parse("9999-12-01T00:00:00Z"),
                    Instant.parse("9999-12-31T00:00:00Z"),
                    Duration.ofSeconds(Long.MAX_VALUE))))
        .hasSize(1);
  }

  @Test
  void scoring_an_unknown_contact_or_unpublished_model_is_not_found() {
    assertThatThrownBy(
            () ->
                scenario.app.score.score(
                    new ScoreContactQuery(WS, "nobody", MODEL, Scenario.START)))
        .isInstanceOf(NotFoundException.class);
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T00:00:00Z"));
    assertThatThrownBy(
            () ->
                scenario.app.score.score(
                    new ScoreContactQuery(WS, idOf("ada@example.com"), "nope", Scenario.START)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void ingested_events_reach_the_leaderboard_after_a_refresh_with_a_tier_change_notified() {
    scenario.ingest(
        event("k1", "demo.requested", "2026-11-01T00:00:00Z", Map.of("email", "ada@example.com")),
        click("k2", "bob@example.com", "2026-11-01T00:00:00Z"));

    assertThat(scenario.app.refreshAll()).isEqualTo(2);
    LeaderboardPage page = scenario.app.leaderboard.read(query(null, 50, null));

    assertThat(page.items()).extracting(MaterialisedScore::score).containsExactly(60.0, 10.0);
    assertThat(page.items().get(0).tier()).isEqualTo("hot");
    assertThat(page.items().get(0).computedAt()).isEqualTo(Scenario.START);
    assertThat(page.items().get(0).topRules())
        .extracting(LeadScore.Contribution::rule)
        .containsExactly("demo");
    assertThat(page.next()).isNull();
    assertThat(scenario.db.notifications())
        .singleElement()
        .satisfies(change -> assertThat(change.to()).isEqualTo("hot"));
  }

  @Test
  void leaderboard_pages_never_lose_or_repeat_a_row_even_with_tied_scores() {
    var events = new ArrayList<Object>();
    for (int i = 0; i < 25; i++) {
      for (int click = 0; click <= i % 4; click++) {
        events.add(click("k" + i + "-" + click, "c" + i + "@example.com", "2026-11-01T00:00:00Z"));
      }
    }
    scenario.app.ingest.ingest(
        new io.leadscore.application.port.in.IngestEventsCommand(WS, "api", events));
    scenario.app.refreshAll();

    var seen = new ArrayList<MaterialisedScore>();
    String cursor = null;
    do {
      LeaderboardPage page = scenario.app.leaderboard.read(query(null, 7, cursor));
      seen.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);

    assertThat(seen).hasSize(25);
    assertThat(seen).extracting(MaterialisedScore::contactId).doesNotHaveDuplicates();
    assertThat(seen)
        .extracting(MaterialisedScore::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void leaderboard_filters_by_tier_grade_and_topic() {
    scenario.app.upsertContact.upsert(
        new UpsertContactCommand(
            WS,
            Map.of(
                "email", "ada@example.com", "attributes", Map.of("title", "Marketing director"))));
    scenario.ingest(
        event("k1", "demo.requested", "2026-11-01T00:00:00Z", Map.of("email", "ada@example.com")),
        event("p1", "page.viewed", "2026-11-01T00:00:00Z", Map.of("email", "bob@example.com")),
        click("k2", "bob@example.com", "2026-11-01T00:00:00Z"));
    scenario.ingest(
        Map.of(
            "eventKey",
            "p2",
            "type",
            "page.viewed",
            "occurredAt",
            "2026-11-01T00:00:00Z",
            "contact",
            Map.of("email", "bob@example.com"),
            "properties",
            Map.of("url", "https://ex.com/pricing/a")),
        Map.of(
            "eventKey",
            "p3",
            "type",
            "page.viewed",
            "occurredAt",
            "2026-11-01T00:00:00Z",
            "contact",
            Map.of("email", "bob@example.com"),
            "properties",
            Map.of("url", "https://ex.com/pricing/b")));
    scenario.app.refreshAll();

    assertThat(scenario.app.leaderboard.read(query("hot", 50, null)).items())
        .extracting(MaterialisedScore::contactId)
        .containsExactly(idOf("ada@example.com"));
    assertThat(
            scenario
                .app
                .leaderboard
                .read(new LeaderboardQuery(WS, MODEL, null, "A", null, 50, null))
                .items())
        .extracting(MaterialisedScore::contactId)
        .containsExactly(idOf("ada@example.com"));
    assertThat(
            scenario
                .app
                .leaderboard
                .read(new LeaderboardQuery(WS, MODEL, null, null, "pricing", 50, null))
                .items())
        .extracting(MaterialisedScore::contactId)
        .containsExactly(idOf("bob@example.com"));
  }

  @Test
  void bad_limits_and_cursors_are_invalid_input_and_unknown_models_not_found() {
    assertThatThrownBy(() -> scenario.app.leaderboard.read(query(null, 0, null)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> scenario.app.leaderboard.read(query(null, 1001, null)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> scenario.app.leaderboard.read(query(null, 5, "garbage!")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems().get(0).path()).isEqualTo("cursor"));
    assertThatThrownBy(
            () ->
                scenario.app.leaderboard.read(
                    new LeaderboardQuery(WS, "nope", null, null, null, 5, null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void the_decay_sweep_rechecks_a_score_before_decay_can_change_its_tier_and_never_a_steady_one() {
    var clicks = new ArrayList<Object>();
    for (int i = 0; i < 4; i++) {
      clicks.add(click("a" + i, "ada@example.com", "2026-11-01T00:00:00Z"));
    }
    clicks.add(click("c1", "cy@example.com", "2026-11-01T00:00:00Z"));
    clicks.add(
        event("b1", "demo.requested", "2026-11-01T00:00:00Z", Map.of("email", "bob@example.com")));
    scenario.app.ingest.ingest(
        new io.leadscore.application.port.in.IngestEventsCommand(WS, "api", clicks));
    scenario.app.refreshAll();

    MaterialisedScore ada =
        scenario.db.scores().find(WS, MODEL, idOf("ada@example.com")).orElseThrow();
    // 40 points of clicks (warm from 30) halve every 30 days: below 30 after 12.45 days
    assertThat(ada.tier()).isEqualTo("warm");
    // recheck to the minute before the first instant decay could take ada out of warm
    Instant crossing =
        Scenario.START.plusSeconds((long) (30 * 86_400 * Math.log(40.0 / 30) / Math.log(2)));
    assertThat(ada.refreshAt()).isBetween(crossing.minus(Duration.ofMinutes(2)), crossing);
    // cold with fading clicks can only stay cold; hot without decay never moves
    assertThat(
            scenario.db.scores().find(WS, MODEL, idOf("cy@example.com")).orElseThrow().refreshAt())
        .isNull();
    assertThat(
            scenario.db.scores().find(WS, MODEL, idOf("bob@example.com")).orElseThrow().refreshAt())
        .isNull();

    scenario.clock.set(ada.refreshAt().minusSeconds(1));
    assertThat(scenario.app.refresh.sweepDecay(100)).isZero();
    scenario.clock.set(Scenario.START.plus(Duration.ofDays(13)));
    assertThat(scenario.app.refresh.sweepDecay(100)).isEqualTo(1);
    scenario.app.refreshAll();

    MaterialisedScore later =
        scenario.db.scores().find(WS, MODEL, idOf("ada@example.com")).orElseThrow();
    assertThat(later.tier()).isEqualTo("cold");
    assertThat(later.score()).isCloseTo(40 * Math.pow(0.5, 13.0 / 30), within(1e-9));
    assertThat(later.refreshAt()).isNull();
    assertThat(scenario.db.notifications())
        .extracting(change -> change.from() + "->" + change.to())
        // first scores into warm and hot are news (into the lowest tier would not be), then the
        // drop
        .containsExactly("null->warm", "null->hot", "warm->cold");
  }

  @Test
  void a_distribution_counts_tiers_and_grades_and_spreads_a_histogram() {
    scenario.ingest(
        event("k1", "demo.requested", "2026-11-01T00:00:00Z", Map.of("email", "ada@example.com")),
        click("k2", "bob@example.com", "2026-11-01T00:00:00Z"),
        click("k3", "cy@example.com", "2026-11-01T00:00:00Z"));
    scenario.app.refreshAll();

    Distribution distribution = scenario.app.distribution.distribution(WS, MODEL);

    assertThat(distribution.contacts()).isEqualTo(3);
    assertThat(distribution.tiers())
        .containsExactly(
            new io.leadscore.application.port.in.Simulation.TierCount("cold", 2),
            new io.leadscore.application.port.in.Simulation.TierCount("warm", 0),
            new io.leadscore.application.port.in.Simulation.TierCount("hot", 1));
    assertThat(distribution.grades()).contains(new Distribution.GradeCount("C", 3));
    assertThat(distribution.histogram()).hasSize(20);
    assertThat(distribution.histogram().stream().mapToLong(Distribution.Bucket::contacts).sum())
        .isEqualTo(3);
    assertThat(distribution.histogram().get(0).from()).isEqualTo(10);
    assertThat(distribution.histogram().get(19).to()).isEqualTo(60);
    assertThat(distribution.histogram().get(19).contacts()).isEqualTo(1);
  }

  private static LeaderboardQuery query(String tier, int limit, String cursor) {
    return new LeaderboardQuery(WS, MODEL, tier, null, null, limit, cursor);
  }
}
