package io.leadscore.domain.engine;

import static io.leadscore.domain.fixtures.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.RegexBudget;
import io.leadscore.domain.model.rule.EngagementRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-evaluation regex budget (model-language.md, "Limits"). */
class RegexBudgetTest {
  private static final String PROBE_REGEX = "(?s)(.{499}x0)";

  private static Condition urlMatches(String regex) {
    return new Condition.OnField("url", new FieldTest.Matches(Pattern.compile(regex)));
  }

  /** {@code count} rules of 1 point, each on page views whose url matches {@code regex}. */
  private static ScoringModel urlRules(int count, String regex) {
    EngagementRule[] rules =
        IntStream.range(0, count)
            .mapToObj(i -> withWhere(onEvery("r" + i, 1, "page.viewed"), urlMatches(regex)))
            .toArray(EngagementRule[]::new);
    return engagementModel(rules);
  }

  private static List<Event> views(int count, String url) {
    var events = new ArrayList<Event>();
    for (int i = 0; i < count; i++) {
      events.add(event("e" + i, "page.viewed", days(i), "url", url));
    }
    return events;
  }

  private static List<String> awarded(LeadScore score) {
    return score.breakdown().stream().map(c -> c.rule() + "x" + c.awards()).toList();
  }

  @Test
  void the_probes_model_spends_at_most_the_budget_on_one_contact() {
    // 39 rules of program size ~500 against three 10,000-character urls: 117 matches of about
    // 5,000,000 units each (23 s before the budget); now one runs, and the rest are refused
    var model = urlRules(39, PROBE_REGEX);
    var events = views(3, "y".repeat(9_998) + "x0");
    var budget = new RegexBudget();

    LeadScore score =
        ScoringEngine.compile(model).score(Contact.EMPTY, events, T0.plus(days(5)), budget);

    assertThat(budget.spent()).isTrue();
    assertThat(budget.charged()).isLessThanOrEqualTo(RegexBudget.UNITS).isPositive();
    // the first match ran (and matched); every later one counts as no match
    assertThat(awarded(score)).containsExactly("r0x1");
  }

  @Test
  void a_spent_budget_gives_the_same_score_twice_and_the_same_verdicts_at_every_as_of() {
    var compiled = ScoringEngine.compile(urlRules(39, PROBE_REGEX));
    var events = views(3, "y".repeat(9_998) + "x0");

    for (double day : new double[] {0, 0.5, 1, 2, 30}) {
      Instant asOf = T0.plus(days(day));
      LeadScore first = compiled.score(Contact.EMPTY, events, asOf);
      assertThat(compiled.score(Contact.EMPTY, events, asOf)).isEqualTo(first);
      assertThat(awarded(first)).containsExactly("r0x1");
    }
  }

  @Test
  void once_a_match_is_refused_every_later_match_of_the_evaluation_counts_as_no_match() {
    // "x0" has size 2; a 3-character url costs 2 * (3 + 1) = 8 units per match
    var model = urlRules(3, "x0");
    var events = views(2, "ax0");
    var budget = new RegexBudget(20);

    LeadScore score =
        ScoringEngine.compile(model).score(Contact.EMPTY, events, T0.plus(days(5)), budget);

    // event e0: r0 and r1 run (16 units), r2 would overrun and is refused; e1: all refused
    assertThat(awarded(score)).containsExactly("r0x1", "r1x1");
    assertThat(budget.charged()).isEqualTo(16);
  }

  @Test
  void fit_rules_are_charged_before_the_events_so_events_never_take_their_budget() {
    var model =
        model(
            List.of(
                fit(
                    "vp",
                    10,
                    new Condition.OnField(
                        "title", new FieldTest.Matches(Pattern.compile("(?i)vp"))))),
            urlRules(39, PROBE_REGEX).engagement());
    var contact = contact("title", "VP Sales");

    LeadScore score =
        ScoringEngine.score(model, contact, views(3, "y".repeat(9_998) + "x0"), T0.plus(days(5)));

    assertThat(score.fit()).isEqualTo(10);
    assertThat(awarded(score)).containsExactly("vpx1", "r0x1");
  }

  @Test
  void a_normal_model_on_a_long_normal_history_stays_far_below_the_budget() {
    var model =
        engagementModel(
            withWhere(onEvery("pricing", 5, "page.viewed"), urlMatches("(?i)/(pricing|plans)\\b")),
            withWhere(onEvery("demo", 20, "page.viewed"), urlMatches("(?i)/demo(/|$)")),
            withWhere(onEvery("docs", 1, "page.viewed"), urlMatches("^https://[^/]+/docs/")));
    var events = views(1_000, "https://example.com/blog/why-lead-scoring-matters?utm_source=news");
    var budget = new RegexBudget();

    ScoringEngine.compile(model).score(Contact.EMPTY, events, T0.plus(days(3_000)), budget);

    assertThat(budget.spent()).isFalse();
    assertThat(budget.charged()).isLessThan(RegexBudget.UNITS / 2);
  }
}
