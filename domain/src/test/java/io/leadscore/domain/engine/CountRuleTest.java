package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.rule.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Count rules: "engaged reader after 3 opens in 30 days" (Semantics 2, "Count, then limit"). */
class CountRuleTest {
  private static final ScoringModel ENGAGED_READER =
      engagementModel(withCount(onEvery("engaged-reader", 15, "email.opened"), 3, Duration.ofDays(30)));

  private static LeadScore.Contribution engagedReader(Instant asOf, Event... events) {
    LeadScore score = ScoringEngine.score(ENGAGED_READER, Contact.EMPTY, List.of(events), asOf);
    return score.breakdown().stream().filter(c -> c.rule().equals("engaged-reader")).findFirst().orElse(null);
  }

  private static Event open(String key, double day) {
    return event(key, "email.opened", days(day));
  }

  @Test
  void awards_at_the_event_that_reaches_the_threshold() {
    var contribution = engagedReader(T0.plus(days(10)), open("a", 0), open("b", 1), open("c", 2));
    assertThat(contribution.awards()).isEqualTo(1);
    assertThat(contribution.points()).isEqualTo(15);
    assertThat(engagedReader(T0.plus(days(1.5)), open("a", 0), open("b", 1), open("c", 2))).isNull();
  }

  @Test
  void does_not_award_again_inside_the_window_of_its_last_award() {
    var contribution =
        engagedReader(T0.plus(days(20)), open("a", 0), open("b", 1), open("c", 2), open("d", 3), open("e", 4), open("f", 5));
    assertThat(contribution.awards()).isEqualTo(1);
  }

  @Test
  void crosses_its_threshold_repeatedly_over_time() {
    var contribution =
        engagedReader(
            T0.plus(days(100)),
            open("a", 0), open("b", 1), open("c", 2), // award at day 2
            open("d", 40), open("e", 41), open("f", 42), // award at day 42
            open("g", 80), open("h", 81)); // only two: no award
    assertThat(contribution.awards()).isEqualTo(2);
    assertThat(contribution.points()).isEqualTo(30);
  }

  @Test
  void awards_again_once_its_last_award_has_left_the_window() {
    // award at day 2; at day 32 the window (2, 32] excludes the award at exactly t - W
    var contribution =
        engagedReader(T0.plus(days(50)), open("a", 0), open("b", 1), open("c", 2), open("d", 30), open("e", 31), open("f", 32));
    assertThat(contribution.awards()).isEqualTo(2);
  }

  @Test
  void window_excludes_an_event_at_exactly_t_minus_w() {
    assertThat(engagedReader(T0.plus(days(40)), open("a", 0), open("b", 15), open("c", 30))).isNull();
  }

  @Test
  void window_includes_an_event_just_after_t_minus_w() {
    Event justInside = eventAt("a", "email.opened", T0.plusNanos(1));
    assertThat(engagedReader(T0.plus(days(40)), justInside, open("b", 15), open("c", 30)).awards()).isEqualTo(1);
  }

  @Test
  void window_includes_events_at_t_itself() {
    // three opens at the same instant: the third (in eventKey order) makes three in (t - W, t]
    assertThat(engagedReader(T0.plus(days(1)), open("x", 0), open("y", 0), open("z", 0)).awards()).isEqualTo(1);
  }

  @Test
  void count_decides_its_awards_before_the_limit_keeps_them() {
    // Limit of 1 ever: the count's second-window award is decided, then dropped by the limit
    ScoringModel limited =
        engagementModel(
            withLimit(
                withCount(onEvery("engaged-reader", 15, "email.opened"), 2, Duration.ofDays(10)),
                new Limit.Times(1)));
    var events = new ArrayList<Event>();
    for (int day = 0; day < 60; day += 4) {
      events.add(open("o" + (100 + day), day));
    }
    LeadScore score = ScoringEngine.score(limited, Contact.EMPTY, events, T0.plus(days(90)));
    assertThat(score.breakdown()).singleElement().satisfies(c -> assertThat(c.awards()).isEqualTo(1));
  }

  @Test
  void count_window_uses_its_own_awards_even_when_the_limit_drops_them() {
    // atLeast 1 within 10d: awards at day 0, 10, 20 (each 10 days apart; the window is half-open).
    // limit 1 per 15d drops the award at day 10, keeps day 20 (day 0 left (5, 20]).
    ScoringModel model =
        engagementModel(
            withLimit(
                withCount(onEvery("r", 1, "email.opened"), 1, Duration.ofDays(10)),
                new Limit.TimesPer(1, Duration.ofDays(15))));
    var events = new ArrayList<Event>();
    for (int day = 0; day <= 20; day++) {
      events.add(open(String.format("k%03d", day), day));
    }
    LeadScore score = ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(30)));
    assertThat(score.breakdown()).singleElement().satisfies(c -> assertThat(c.awards()).isEqualTo(2));
    assertThat(NaiveScorer.score(model, Contact.EMPTY, events, T0.plus(days(30)))).isEqualTo(score);
  }
}
