package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.engagement;
import static io.leadscore.domain.reading.Trees.fit;
import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.model;
import static io.leadscore.domain.reading.Trees.problems;
import static io.leadscore.domain.reading.Trees.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
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
import io.leadscore.domain.model.rule.EventTypes;
import io.leadscore.domain.model.rule.FitRule;
import io.leadscore.domain.model.rule.Limit;
import io.leadscore.domain.model.rule.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec's example document and examples of problems (scoring-model.md, "Document", "Validation"). */
class ModelReaderTest {

  /** The YAML of scoring-model.md "Document", as a YAML 1.2 parser gives it. */
  static Map<String, Object> specExample() {
    return map(
        "id", "b2b-default",
        "name", "B2B default",
        "scale", map("floor", 0, "cap", 1000),
        "fit",
            list(
                map(
                    "id", "decision-maker",
                    "points", 20,
                    "when",
                        map(
                            "field", "title",
                            "matches", "(?i)\\b(vp|director|head|chief|owner|founder)\\b")),
                map("id", "active-2013-prospect", "points", 30, "when", map("tag", "active-2013-prospect")),
                map("id", "student", "points", -40, "when", map("field", "title", "contains", "student"))),
        "engagement",
            list(
                map(
                    "id", "email-click",
                    "points", 10,
                    "on", "email.clicked",
                    "limit", map("times", 5, "per", "P30D"),
                    "decay", map("halfLife", "P30D")),
                map(
                    "id", "consultation-request",
                    "points", 310,
                    "on", "form.submitted",
                    "where", map("field", "form", "equals", "consultation")),
                map(
                    "id", "engaged-reader",
                    "points", 15,
                    "on", "email.opened",
                    "count", map("atLeast", 3, "within", "P30D")),
                map("id", "unsubscribed", "points", -50, "on", "email.unsubscribed")),
        "topics",
            list(
                map(
                    "id", "network-security",
                    "on", "email.clicked",
                    "where",
                        map(
                            "field", "url",
                            "in",
                                list(
                                    "https://ex.com/blog/network-risks",
                                    "https://ex.com/blog/mobile-risks",
                                    "https://ex.com/blog/ransomware")),
                    "distinct", "url",
                    "interestedAt", 3)),
        "tiers",
            list(map("id", "cold", "from", 0), map("id", "warm", "from", 50), map("id", "hot", "from", 100)),
        "grades",
            list(
                map("id", "D", "from", -1000000),
                map("id", "C", "from", 10),
                map("id", "B", "from", 30),
                map("id", "A", "from", 60)));
  }

  @Test
  void the_spec_example_reads_into_the_expected_model() {
    ScoringModel model = valid(ModelReader.read(specExample()));

    var thirtyDays = Duration.ofDays(30);
    var expected =
        new ScoringModel(
            "b2b-default",
            "B2B default",
            new Scale(0, 1000),
            List.of(
                new FitRule(
                    "decision-maker",
                    20,
                    new Condition.OnField(
                        "title",
                        new FieldTest.Matches(
                            Pattern.compile("(?i)\\b(vp|director|head|chief|owner|founder)\\b")))),
                new FitRule("active-2013-prospect", 30, new Condition.HasTag("active-2013-prospect")),
                new FitRule(
                    "student", -40, new Condition.OnField("title", new FieldTest.Contains("student")))),
            List.of(
                new EngagementRule(
                    "email-click",
                    10,
                    new EventTypes.Exactly("email.clicked"),
                    new Condition.Always(),
                    new Trigger.EachEvent(),
                    new Limit.TimesPer(5, thirtyDays),
                    new Decay.HalfLife(thirtyDays)),
                new EngagementRule(
                    "consultation-request",
                    310,
                    new EventTypes.Exactly("form.submitted"),
                    new Condition.OnField("form", new FieldTest.Equals(new Value.Text("consultation"))),
                    new Trigger.EachEvent(),
                    new Limit.Unlimited(),
                    new Decay.None()),
                new EngagementRule(
                    "engaged-reader",
                    15,
                    new EventTypes.Exactly("email.opened"),
                    new Condition.Always(),
                    new Trigger.Count(3, thirtyDays),
                    new Limit.Unlimited(),
                    new Decay.None()),
                new EngagementRule(
                    "unsubscribed",
                    -50,
                    new EventTypes.Exactly("email.unsubscribed"),
                    new Condition.Always(),
                    new Trigger.EachEvent(),
                    new Limit.Unlimited(),
                    new Decay.None())),
            List.of(
                new Topic(
                    "network-security",
                    new EventTypes.Exactly("email.clicked"),
                    new Condition.OnField(
                        "url",
                        new FieldTest.In(
                            List.of(
                                new Value.Text("https://ex.com/blog/network-risks"),
                                new Value.Text("https://ex.com/blog/mobile-risks"),
                                new Value.Text("https://ex.com/blog/ransomware")))),
                    "url",
                    3)),
            List.of(new Tier("cold", 0), new Tier("warm", 50), new Tier("hot", 100)),
            List.of(new Grade("D", -1000000), new Grade("C", 10), new Grade("B", 30), new Grade("A", 60)));
    assertThat(model).isEqualTo(expected);
  }

  @Test
  void a_minimal_model_is_just_an_id_with_defaults() {
    ScoringModel model = valid(ModelReader.read(map("id", "m")));

    assertThat(model)
        .isEqualTo(
            new ScoringModel(
                "m", "m", Scale.UNBOUNDED, List.of(), List.of(), List.of(), List.of(), List.of()));
  }

  @Test
  void spec_example_bad_duration() {
    var tree =
        model(
            "engagement",
            list(engagement("id", "a"), engagement("id", "b"), engagement("id", "c", "decay", map("halfLife", "30 days"))));

    assertThat(problems(ModelReader.read(tree)))
        .containsExactly("engagement[2].decay.halfLife: not an ISO-8601 duration");
  }

  @Test
  void spec_example_missing_on() {
    var rule = engagement();
    rule.remove("on");

    assertThat(problems(ModelReader.read(model("engagement", list(rule)))))
        .containsExactly("engagement[0].on: required");
  }

  @Test
  void spec_example_duplicate_tier_id_is_reported_on_the_later_one() {
    var tree =
        model(
            "tiers",
            list(
                map("id", "cold", "from", 0),
                map("id", "warm", "from", 50),
                map("id", "hot", "from", 100),
                map("id", "cold", "from", 200)));

    assertThat(problems(ModelReader.read(tree))).containsExactly("tiers[3].id: duplicate id 'cold'");
  }

  @Test
  void spec_example_unknown_predicate_key() {
    var tree =
        model(
            "fit",
            list(
                fit(map("tag", "vip")),
                map("id", "g", "points", 1, "when", map("field", "title", "equal", "ceo"))));

    assertThat(problems(ModelReader.read(tree))).contains("fit[1].when.equal: unknown predicate key");
  }

  @Test
  void every_problem_is_listed_in_document_order() {
    var tree =
        map(
            "id", "Bad Id",
            "colour", "red",
            "scale", map("floor", 10, "cap", 5),
            "fit",
                list(
                    map("id", "a", "points", "10", "when", map("tag", "x")),
                    map("id", "a", "points", 1, "when", map("field", "title", "matches", "(a)\\1"))),
            "engagement",
                list(
                    map("id", "e", "points", 1, "on", "Email.Clicked", "decay", map("halfLife", "P1M")),
                    map("id", "f", "points", true, "count", map("atLeast", 0, "within", "P0D"))),
            "tiers", list(map("id", "cold", "from", 10), map("id", "warm", "from", 10)),
            "grades", list());

    assertThat(problems(ModelReader.read(tree)))
        .containsExactly(
            "id: must match [a-z0-9][a-z0-9-]{0,62}",
            "colour: unknown key",
            "scale.floor: must be at most cap (5)",
            "fit[0].points: must be a number",
            "fit[1].id: duplicate id 'a'",
            "fit[1].when.matches: not a valid RE2 regular expression: invalid escape sequence",
            "engagement[0].on: must be an event type like email.clicked, a prefix like email.* or *",
            "engagement[0].decay.halfLife: months and years are not allowed (no fixed length)",
            "engagement[1].points: must be a number",
            "engagement[1].count.atLeast: must be an integer >= 1",
            "engagement[1].count.within: must be positive",
            "engagement[1].on: required",
            "tiers[1].from: must be greater than the previous from (10)",
            "grades: must not be empty");
  }

  @Test
  void a_tree_that_is_not_an_object_is_one_problem_without_a_path() {
    assertThat(ModelReader.read(list("id", "m")))
        .isEqualTo(new Read.Invalid<ScoringModel>(List.of(new Problem("", "must be an object"))));
    assertThat(problems(ModelReader.read(null))).containsExactly("must be an object");
  }
}
