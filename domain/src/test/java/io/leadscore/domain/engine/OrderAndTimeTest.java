package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Ordering, `on` matching, events after asOf and time zones ("Order and time", quality.md clock-edges). */
class OrderAndTimeTest {

  @Test
  void events_after_as_of_count_nowhere_not_even_in_limits() {
    ScoringModel model = engagementModel(withLimit(onEvery("click", 10, "email.clicked"), new Limit.Times(1)));
    // the future click would use up the limit if it counted; the past click must be the kept one
    var events = List.of(event("future", "email.clicked", days(10)), event("past", "email.clicked", days(1)));
    LeadScore score = ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(5)));
    assertThat(score.engagement()).isEqualTo(10);
    assertThat(ScoringEngine.score(model, Contact.EMPTY, events, T0).breakdown()).isEmpty();
  }

  @Test
  void an_event_exactly_at_as_of_counts() {
    ScoringModel model = engagementModel(onEvery("click", 10, "email.clicked"));
    var events = List.of(event("a", "email.clicked", days(1)));
    assertThat(ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(1))).engagement()).isEqualTo(10);
    assertThat(ScoringEngine.score(model, Contact.EMPTY, events, T0.plus(days(1)).minusNanos(1)).engagement()).isZero();
  }

  @Test
  void input_order_does_not_matter() {
    ScoringModel model =
        engagementModel(withCount(onEvery("reader", 15, "email.opened"), 2, Duration.ofDays(1)));
    var events = new ArrayList<Event>();
    for (int i = 9; i >= 0; i--) {
      events.add(event("k" + i, "email.opened", days(i * 0.3)));
    }
    Instant asOf = T0.plus(days(10));
    assertThat(ScoringEngine.score(model, Contact.EMPTY, events, asOf))
        .isEqualTo(ScoringEngine.score(model, Contact.EMPTY, events.reversed(), asOf));
  }

  @Test
  void on_matches_a_type_a_prefix_everything_or_a_list() {
    var events =
        List.of(
            event("1", "email.opened", days(0)),
            event("2", "email.clicked", days(0)),
            event("3", "form.submitted", days(0)),
            event("4", "emailx.opened", days(0)));
    Instant asOf = T0.plus(days(1));
    assertThat(awards(onEvery("r", 1, "email.opened"), events, asOf)).isEqualTo(1);
    assertThat(awards(onEvery("r", 1, "email.*"), events, asOf)).isEqualTo(2);
    assertThat(awards(onEvery("r", 1, "*"), events, asOf)).isEqualTo(4);
    var list =
        new io.leadscore.domain.model.rule.EngagementRule(
            "r", 1, new EventTypes.OneOf(List.of(types("form.submitted"), types("emailx.*"))),
            new Condition.Always(), new io.leadscore.domain.model.rule.Trigger.EachEvent(),
            new Limit.Unlimited(), new io.leadscore.domain.model.rule.Decay.None());
    assertThat(awards(list, events, asOf)).isEqualTo(2);
  }

  @Test
  void where_filters_events_by_their_properties() {
    var rule =
        withWhere(
            onEvery("consultation-request", 310, "form.submitted"),
            new Condition.OnField("form", new FieldTest.Equals(new Value.Text("consultation"))));
    var events =
        List.of(
            event("1", "form.submitted", days(0), "form", "Consultation"),
            event("2", "form.submitted", days(0), "form", "newsletter"),
            event("3", "form.submitted", days(0)));
    assertThat(awards(rule, events, T0.plus(days(1)))).isEqualTo(1);
  }

  @Test
  void far_past_and_far_future_instants_work() {
    ScoringModel model = engagementModel(withDecay(onEvery("r", 10, "email.clicked"), new io.leadscore.domain.model.rule.Decay.PerDay(1)));
    var events = List.of(eventAt("old", "email.clicked", Instant.parse("1900-01-01T00:00:00Z")));
    LeadScore score = ScoringEngine.score(model, Contact.EMPTY, events, Instant.parse("2999-12-31T23:59:59Z"));
    assertThat(score.engagement()).isZero();
    assertThat(score.breakdown().getFirst().awards()).isEqualTo(1);
  }

  @Test
  void results_do_not_depend_on_the_default_time_zone() {
    ScoringModel model = engagementModel(withDecay(onEvery("r", 10, "email.clicked"), new io.leadscore.domain.model.rule.Decay.PerDay(1)));
    var events = List.of(event("a", "email.clicked", Duration.ofHours(23)));
    Instant asOf = T0.plus(Duration.ofHours(47));
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      LeadScore utc = ScoringEngine.score(model, Contact.EMPTY, events, asOf);
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      LeadScore kiritimati = ScoringEngine.score(model, Contact.EMPTY, events, asOf);
      assertThat(kiritimati).isEqualTo(utc);
      assertThat(utc.engagement()).isEqualTo(9);
    } finally {
      TimeZone.setDefault(original);
    }
  }

  private static int awards(io.leadscore.domain.model.rule.EngagementRule rule, List<Event> events, Instant asOf) {
    var breakdown = ScoringEngine.score(engagementModel(rule), Contact.EMPTY, events, asOf).breakdown();
    return breakdown.isEmpty() ? 0 : breakdown.getFirst().awards();
  }
}
