package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.engagement;
import static io.leadscore.domain.reading.Trees.engagementProblems;
import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.model;
import static io.leadscore.domain.reading.Trees.problems;
import static io.leadscore.domain.reading.Trees.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.rule.Decay;
import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Engagement rules: on, where, count, limit, decay (scoring-model.md, "Precise details"). */
class EngagementRuleReaderTest {

  private static EngagementRule read(Object... keysAndValues) {
    return valid(ModelReader.read(model("engagement", list(engagement(keysAndValues))))).engagement().get(0);
  }

  @Test
  void engagement_rule_requires_id_points_and_on() {
    assertThat(problems(ModelReader.read(model("engagement", list(map())))))
        .containsExactly("engagement[0].id: required", "engagement[0].points: required", "engagement[0].on: required");
  }

  @Test
  void absent_parts_take_their_absent_variants() {
    assertThat(read())
        .isEqualTo(
            new EngagementRule(
                "r", 1, new EventTypes.Exactly("email.clicked"), new Condition.Always(),
                new Trigger.EachEvent(), new Limit.Unlimited(), new Decay.None()));
  }

  @Test
  void engagement_rule_rejects_unknown_keys() {
    assertThat(engagementProblems("when", map("tag", "x"))).containsExactly("engagement[0].when: unknown key");
  }

  static Stream<Arguments> on_forms() {
    return Stream.of(
        Arguments.of("email.clicked", new EventTypes.Exactly("email.clicked")),
        Arguments.of("crm.deal_won.v-2", new EventTypes.Exactly("crm.deal_won.v-2")),
        Arguments.of("email.*", new EventTypes.StartingWith("email")),
        Arguments.of("crm.deal.*", new EventTypes.StartingWith("crm.deal")),
        Arguments.of("*", new EventTypes.AnyType()),
        Arguments.of(list("form.submitted"), new EventTypes.Exactly("form.submitted")),
        Arguments.of(
            list("email.opened", "email.*", "*"),
            new EventTypes.OneOf(
                List.of(
                    new EventTypes.Exactly("email.opened"),
                    new EventTypes.StartingWith("email"),
                    new EventTypes.AnyType()))));
  }

  @ParameterizedTest
  @MethodSource
  void on_forms(Object on, EventTypes expected) {
    assertThat(read("on", on).on()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"email", "Email.clicked", "email.", ".email", "email..clicked", "email.*.x",
      "email*", "*.clicked", "**", "email.click ed", ""})
  void on_must_be_a_type_a_prefix_or_a_star(String on) {
    assertThat(engagementProblems("on", on))
        .containsExactly("engagement[0].on: must be an event type like email.clicked, a prefix like email.* or *");
  }

  @Test
  void on_lists_are_non_empty_lists_of_strings_checked_item_by_item() {
    assertThat(engagementProblems("on", list())).containsExactly("engagement[0].on: must not be empty");
    assertThat(engagementProblems("on", list("email.clicked", 3, "Bad")))
        .containsExactly(
            "engagement[0].on[1]: must be a string",
            "engagement[0].on[2]: must be an event type like email.clicked, a prefix like email.* or *");
    assertThat(engagementProblems("on", map("type", "email.clicked")))
        .containsExactly("engagement[0].on: must be a string or a list of strings");
  }

  @Test
  void points_are_finite_numbers_and_may_be_negative() {
    assertThat(read("points", -50).points()).isEqualTo(-50);
    assertThat(engagementProblems("points", "10")).containsExactly("engagement[0].points: must be a number");
    assertThat(engagementProblems("points", Double.POSITIVE_INFINITY))
        .containsExactly("engagement[0].points: must be a finite number");
  }

  @Test
  void points_are_at_most_a_billion_in_size_so_sums_stay_finite() {
    assertThat(read("points", -1e9).points()).isEqualTo(-1e9);
    assertThat(engagementProblems("points", 1e300))
        .containsExactly("engagement[0].points: must be between -1000000000 and 1000000000");
  }

  @Test
  void where_is_an_event_predicate_where_tags_are_not_allowed() {
    assertThat(engagementProblems("where", map("tag", "vip")))
        .containsExactly("engagement[0].where.tag: tag is allowed on contacts only");
  }

  @Test
  void count_reads_at_least_and_within() {
    assertThat(read("count", map("atLeast", 3, "within", "P30D")).trigger())
        .isEqualTo(new Trigger.Count(3, Duration.ofDays(30)));
  }

  @Test
  void count_requires_at_least_and_within() {
    assertThat(engagementProblems("count", map()))
        .containsExactly("engagement[0].count.atLeast: required", "engagement[0].count.within: required");
    assertThat(engagementProblems("count", map("atLeast", 2, "within", "P1D", "every", "P1D")))
        .containsExactly("engagement[0].count.every: unknown key");
    assertThat(engagementProblems("count", 3)).containsExactly("engagement[0].count: must be an object");
  }

  @Test
  void integers_accept_integral_doubles_only() {
    assertThat(read("count", map("atLeast", 2.0, "within", "P1D")).trigger())
        .isEqualTo(new Trigger.Count(2, Duration.ofDays(1)));
    assertThat(engagementProblems("count", map("atLeast", 2.5, "within", "P1D")))
        .containsExactly("engagement[0].count.atLeast: must be an integer >= 1");
  }

  @ParameterizedTest
  @MethodSource
  void integers_must_be_at_least_one(Object atLeast, String message) {
    assertThat(engagementProblems("count", map("atLeast", atLeast, "within", "P1D")))
        .containsExactly("engagement[0].count.atLeast: " + message);
  }

  static Stream<Arguments> integers_must_be_at_least_one() {
    return Stream.of(
        Arguments.of(0, "must be an integer >= 1"),
        Arguments.of(-3, "must be an integer >= 1"),
        Arguments.of("3", "must be an integer >= 1"),
        Arguments.of(true, "must be an integer >= 1"),
        Arguments.of(Double.NaN, "must be an integer >= 1"),
        Arguments.of(0.5, "must be an integer >= 1"),
        Arguments.of(3_000_000_000L, "must be at most 2147483647"),
        Arguments.of(new java.math.BigInteger("99999999999999999999999"), "must be at most 2147483647"),
        Arguments.of(new java.math.BigDecimal("1e1000000000"), "must be at most 2147483647"),
        Arguments.of(new java.math.BigDecimal("1e-1000000000"), "must be an integer >= 1"));
  }

  @Test
  void limit_times_alone_or_with_per() {
    assertThat(read("limit", map("times", 1)).limit()).isEqualTo(new Limit.Times(1));
    assertThat(read("limit", map("times", 5, "per", "P30D")).limit())
        .isEqualTo(new Limit.TimesPer(5, Duration.ofDays(30)));
  }

  @Test
  void limit_requires_times_and_checks_per() {
    assertThat(engagementProblems("limit", map("per", "P1D")))
        .containsExactly("engagement[0].limit.times: required");
    assertThat(engagementProblems("limit", map("times", 0, "per", "one day")))
        .containsExactly(
            "engagement[0].limit.times: must be an integer >= 1",
            "engagement[0].limit.per: not an ISO-8601 duration");
    assertThat(engagementProblems("limit", map("times", 1, "per", 30)))
        .containsExactly("engagement[0].limit.per: must be a string");
  }

  static Stream<Arguments> decays() {
    return Stream.of(
        Arguments.of(map("halfLife", "P30D"), new Decay.HalfLife(Duration.ofDays(30))),
        Arguments.of(map("perDay", 2), new Decay.PerDay(2)),
        Arguments.of(map("perDay", 0), new Decay.PerDay(0)),
        Arguments.of(map("after", "PT12H"), new Decay.Expires(Duration.ofHours(12))));
  }

  @ParameterizedTest
  @MethodSource
  void decays(Object decay, Decay expected) {
    assertThat(read("decay", decay).decay()).isEqualTo(expected);
  }

  @Test
  void decay_has_exactly_one_kind() {
    assertThat(engagementProblems("decay", map()))
        .containsExactly("engagement[0].decay: must have one of halfLife, perDay, after");
    assertThat(engagementProblems("decay", map("after", "P1D", "halfLife", "P2D")))
        .containsExactly("engagement[0].decay.halfLife: only one of halfLife, perDay, after is allowed");
  }

  @Test
  void decay_values_are_checked() {
    assertThat(engagementProblems("decay", map("perDay", -1)))
        .containsExactly("engagement[0].decay.perDay: must be >= 0");
    assertThat(engagementProblems("decay", map("perDay", "1")))
        .containsExactly("engagement[0].decay.perDay: must be a number");
    assertThat(engagementProblems("decay", map("after", "P0D")))
        .containsExactly("engagement[0].decay.after: must be positive");
    assertThat(engagementProblems("decay", map("halfLife", "P1Y")))
        .containsExactly("engagement[0].decay.halfLife: months and years are not allowed (no fixed length)");
    assertThat(engagementProblems("decay", map("halfLife", "P30D", "rate", 1)))
        .containsExactly("engagement[0].decay.rate: unknown key");
  }
}
