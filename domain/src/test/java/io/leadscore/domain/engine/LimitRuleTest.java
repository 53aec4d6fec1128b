package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.rule.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits: {@code times} ever, and {@code times per W} over kept awards (Semantics 2). */
class LimitRuleTest {

  private static List<Event> dailyClicks(int count) {
    var events = new ArrayList<Event>();
    for (int day = 0; day < count; day++) {
      events.add(event(String.format("c%03d", day), "email.clicked", days(day)));
    }
    return events;
  }

  private static LeadScore.Contribution click(Limit limit, List<Event> events, double asOfDay) {
    ScoringModel model = engagementModel(withLimit(onEvery("email-click", 10, "email.clicked"), limit));
    return ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(asOfDay))).breakdown().getFirst();
  }

  @Test
  void times_without_per_keeps_only_the_first_n_awards_ever() {
    var contribution = click(new Limit.Times(5), dailyClicks(40), 100);
    assertThat(contribution.awards()).isEqualTo(5);
    assertThat(contribution.points()).isEqualTo(50);
  }

  @Test
  void times_per_window_keeps_n_awards_in_any_window() {
    // 5 per 30 days over 40 daily clicks: days 0-4 kept, then days 30-34 (day 0 left (0, 30])
    var contribution = click(new Limit.TimesPer(5, Duration.ofDays(30)), dailyClicks(40), 100);
    assertThat(contribution.awards()).isEqualTo(10);
  }

  @Test
  void an_award_at_exactly_t_minus_per_no_longer_counts_against_the_limit() {
    var events = List.of(event("a", "email.clicked", days(0)), event("b", "email.clicked", days(30)));
    assertThat(click(new Limit.TimesPer(1, Duration.ofDays(30)), events, 40).awards()).isEqualTo(2);
    var closer = List.of(event("a", "email.clicked", days(0)), event("b", "email.clicked", days(29.99)));
    assertThat(click(new Limit.TimesPer(1, Duration.ofDays(30)), closer, 40).awards()).isEqualTo(1);
  }

  @Test
  void per_counts_kept_awards_not_dropped_ones() {
    // 1 per 2 days, clicks every day: kept at 0, dropped at 1, kept at 2 (only day 0 was kept in (0, 2])
    assertThat(click(new Limit.TimesPer(1, Duration.ofDays(2)), dailyClicks(5), 10).awards()).isEqualTo(3);
  }

  @Test
  void the_limit_applies_in_event_order_with_ties_broken_by_event_key() {
    // same instant: keys "b" and "a"; with times 1 the award kept is the one with key "a"
    ScoringModel model =
        engagementModel(withLimit(onEvery("form", 25, "form.submitted"), new Limit.Times(1)));
    var events = List.of(event("b", "form.submitted", days(0)), event("a", "form.submitted", days(0)));
    var incremental = ScoringEngine.compile(model).newState();
    events.forEach(incremental::fold);
    LeadScore whole = ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(1)));
    assertThat(whole.breakdown().getFirst().awards()).isEqualTo(1);
    assertThat(incremental.scoreAt(Contact.EMPTY, T0.plus(days(1)))).isEqualTo(whole);
  }
}
