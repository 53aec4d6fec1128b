package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.engagement;
import static io.leadscore.domain.reading.Trees.fit;
import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.model;
import static io.leadscore.domain.reading.Trees.problems;
import static io.leadscore.domain.reading.Trees.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.model.Scale;
import io.leadscore.domain.model.ScoringModel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The model's own keys, ids, scale, tiers and grades (scoring-model.md, "Validation"). */
class ModelStructureValidationTest {

  private static List<String> problemsOf(Map<String, Object> tree) {
    return problems(ModelReader.read(tree));
  }

  @Test
  void model_id_is_required() {
    assertThat(problemsOf(map("name", "x"))).containsExactly("id: required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-lead", "Upper", "has space", "under_score", "a.b",
      "a234567890123456789012345678901234567890123456789012345678901234"})
  void model_id_must_match_the_id_pattern(String id) {
    assertThat(problemsOf(map("id", id))).containsExactly("id: must match [a-z0-9][a-z0-9-]{0,62}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"m", "0", "b2b-default", "a23456789012345678901234567890123456789012345678901234567890123"})
  void model_ids_that_match_the_pattern_are_accepted(String id) {
    assertThat(valid(ModelReader.read(map("id", id))).id()).isEqualTo(id);
  }

  @Test
  void model_id_must_be_a_string() {
    assertThat(problemsOf(map("id", 12))).containsExactly("id: must be a string");
  }

  @Test
  void a_null_value_is_a_wrong_type_not_an_absent_key() {
    assertThat(problemsOf(map("id", null))).containsExactly("id: must be a string");
    assertThat(problemsOf(model("fit", null))).containsExactly("fit: must be a list");
  }

  @Test
  void name_defaults_to_the_id_and_must_be_a_non_empty_string() {
    assertThat(valid(ModelReader.read(map("id", "m"))).name()).isEqualTo("m");
    assertThat(valid(ModelReader.read(model("name", "My model"))).name()).isEqualTo("My model");
    assertThat(problemsOf(model("name", 3))).containsExactly("name: must be a string");
    assertThat(problemsOf(model("name", ""))).containsExactly("name: must not be empty");
  }

  @Test
  void unknown_keys_at_the_root_are_problems() {
    assertThat(problemsOf(model("tier", list(), "version", 3)))
        .containsExactly("tier: unknown key", "version: unknown key");
  }

  @Test
  void non_string_keys_are_unknown_keys() {
    var tree = new LinkedHashMap<Object, Object>();
    tree.put("id", "m");
    tree.put(true, "email.clicked");
    tree.put(7, "x");
    assertThat(problems(ModelReader.read(tree))).containsExactly("true: unknown key", "7: unknown key");
  }

  @Test
  void scale_bounds_are_optional() {
    assertThat(valid(ModelReader.read(model("scale", map()))).scale()).isEqualTo(Scale.UNBOUNDED);
    assertThat(valid(ModelReader.read(model("scale", map("floor", 0)))).scale())
        .isEqualTo(new Scale(0, Double.POSITIVE_INFINITY));
    assertThat(valid(ModelReader.read(model("scale", map("cap", 100)))).scale())
        .isEqualTo(new Scale(Double.NEGATIVE_INFINITY, 100));
  }

  @Test
  void scale_floor_must_not_exceed_cap() {
    assertThat(problemsOf(model("scale", map("floor", 10, "cap", 5))))
        .containsExactly("scale.floor: must be at most cap (5)");
    assertThat(valid(ModelReader.read(model("scale", map("floor", 5, "cap", 5)))).scale())
        .isEqualTo(new Scale(5, 5));
  }

  @Test
  void scale_must_be_an_object_with_known_keys() {
    assertThat(problemsOf(model("scale", list(0, 100)))).containsExactly("scale: must be an object");
    assertThat(problemsOf(model("scale", map("min", 0)))).containsExactly("scale.min: unknown key");
  }

  @Test
  void numbers_must_be_finite_json_numbers() {
    assertThat(problemsOf(model("scale", map("floor", "0")))).containsExactly("scale.floor: must be a number");
    assertThat(problemsOf(model("scale", map("floor", false)))).containsExactly("scale.floor: must be a number");
    assertThat(problemsOf(model("scale", map("floor", Double.NEGATIVE_INFINITY))))
        .containsExactly("scale.floor: must be a finite number");
    assertThat(problemsOf(model("scale", map("cap", Double.NaN))))
        .containsExactly("scale.cap: must be a finite number");
    assertThat(problemsOf(model("scale", map("cap", Float.POSITIVE_INFINITY))))
        .containsExactly("scale.cap: must be a finite number");
    assertThat(problemsOf(model("scale", map("cap", new BigDecimal("1e400")))))
        .containsExactly("scale.cap: must be a finite number");
    assertThat(problemsOf(model("scale", map("cap", BigInteger.TEN.pow(400)))))
        .containsExactly("scale.cap: must be a finite number");
  }

  @Test
  void all_json_number_types_are_numbers() {
    var tree =
        model(
            "fit",
            list(
                map("id", "a", "points", 1L, "when", map("tag", "t")),
                map("id", "b", "points", 1.5f, "when", map("tag", "t")),
                map("id", "c", "points", new BigDecimal("2.25"), "when", map("tag", "t")),
                map("id", "d", "points", BigInteger.valueOf(-7), "when", map("tag", "t")),
                map("id", "e", "points", (short) 3, "when", map("tag", "t"))));

    assertThat(valid(ModelReader.read(tree)).fit())
        .extracting(rule -> rule.points())
        .containsExactly(1.0, 1.5, 2.25, -7.0, 3.0);
  }

  @Test
  void fit_engagement_and_topics_must_be_lists() {
    assertThat(problemsOf(model("fit", map(), "engagement", "x", "topics", 1)))
        .containsExactly("fit: must be a list", "engagement: must be a list", "topics: must be a list");
  }

  @Test
  void list_items_must_be_objects() {
    assertThat(problemsOf(model("fit", list("decision-maker"))))
        .containsExactly("fit[0]: must be an object");
  }

  @Test
  void rule_ids_must_match_the_id_pattern_and_be_unique_within_their_list() {
    var tree =
        model(
            "fit", list(fit(map("tag", "a")), fit(map("tag", "b"))),
            "engagement", list(engagement("id", "f"), engagement("id", "Bad")));

    assertThat(problemsOf(tree))
        .containsExactly(
            "fit[1].id: duplicate id 'f'", "engagement[1].id: must match [a-z0-9][a-z0-9-]{0,62}");
  }

  @Test
  void fit_and_engagement_lists_may_share_an_id() {
    var tree = model("fit", list(fit(map("tag", "a"))), "engagement", list(engagement("id", "f")));
    assertThat(ModelReader.read(tree)).isInstanceOf(Read.Valid.class);
  }

  @Test
  void a_duplicate_of_a_bad_rule_is_still_a_duplicate() {
    var tree =
        model("fit", list(map("id", "a", "points", "x", "when", map("tag", "t")), fit(map("tag", "t"))));
    var second = (Map<String, Object>) ((List<?>) tree.get("fit")).get(1);
    second.put("id", "a");

    assertThat(problemsOf(tree)).containsExactly("fit[0].points: must be a number", "fit[1].id: duplicate id 'a'");
  }

  @Test
  void fit_rule_requires_id_points_and_when() {
    assertThat(problemsOf(model("fit", list(map()))))
        .containsExactly("fit[0].id: required", "fit[0].points: required", "fit[0].when: required");
  }

  @Test
  void fit_rule_rejects_unknown_keys() {
    var rule = fit(map("tag", "t"));
    rule.put("decay", map("halfLife", "P1D"));
    assertThat(problemsOf(model("fit", list(rule)))).containsExactly("fit[0].decay: unknown key");
  }

  @Test
  void at_most_500_rules_in_fit_and_engagement_together() {
    var fit = new ArrayList<Object>();
    for (int i = 0; i < 300; i++) {
      fit.add(map("id", "f" + i, "points", 1, "when", map("tag", "t")));
    }
    var engagement = new ArrayList<Object>();
    for (int i = 0; i < 200; i++) {
      engagement.add(engagement("id", "e" + i));
    }
    assertThat(ModelReader.read(model("fit", fit, "engagement", engagement))).isInstanceOf(Read.Valid.class);

    engagement.add(engagement("id", "one-too-many"));
    assertThat(problemsOf(model("fit", fit, "engagement", engagement)))
        .containsExactly("engagement: too many rules (at most 500 in fit and engagement together)");
  }

  @Test
  void tiers_and_grades_when_present_are_non_empty_lists() {
    assertThat(problemsOf(model("tiers", list(), "grades", list())))
        .containsExactly("tiers: must not be empty", "grades: must not be empty");
    assertThat(problemsOf(model("tiers", map("cold", 0)))).containsExactly("tiers: must be a list");
  }

  @Test
  void tier_and_grade_require_id_and_from() {
    assertThat(problemsOf(model("tiers", list(map("id", "cold")), "grades", list(map("from", 1)))))
        .containsExactly("tiers[0].from: required", "grades[0].id: required");
  }

  @Test
  void tier_and_grade_reject_unknown_keys() {
    assertThat(problemsOf(model("tiers", list(map("id", "cold", "from", 0, "to", 10)))))
        .containsExactly("tiers[0].to: unknown key");
  }

  @Test
  void tier_ids_follow_the_id_pattern_but_grade_ids_are_any_non_empty_string() {
    var tree =
        model(
            "tiers", list(map("id", "Cold", "from", 0)),
            "grades", list(map("id", "A+", "from", 0), map("id", "", "from", 1)));
    assertThat(problemsOf(tree))
        .containsExactly("tiers[0].id: must match [a-z0-9][a-z0-9-]{0,62}", "grades[1].id: must not be empty");
  }

  @Test
  void grade_ids_are_unique() {
    var tree = model("grades", list(map("id", "A+", "from", 0), map("id", "A+", "from", 1)));
    assertThat(problemsOf(tree)).containsExactly("grades[1].id: duplicate id 'A+'");
  }

  @Test
  void tier_and_grade_froms_are_strictly_ascending() {
    var tree =
        model(
            "tiers", list(map("id", "a", "from", 0), map("id", "b", "from", 50), map("id", "c", "from", 40)),
            "grades", list(map("id", "B", "from", 1.5), map("id", "A", "from", 1.5)));
    assertThat(problemsOf(tree))
        .containsExactly(
            "tiers[2].from: must be greater than the previous from (50)",
            "grades[1].from: must be greater than the previous from (1.5)");
  }

  @Test
  void tier_and_grade_froms_are_finite_numbers() {
    assertThat(problemsOf(model("tiers", list(map("id", "a", "from", "0")))))
        .containsExactly("tiers[0].from: must be a number");
  }

  @Test
  void the_first_tier_starts_at_or_below_the_floor() {
    var tiers = list(map("id", "cold", "from", 10), map("id", "hot", "from", 100));
    assertThat(problemsOf(model("scale", map("floor", 0), "tiers", tiers)))
        .containsExactly("tiers[0].from: must be at most the scale's floor (0)");
    ScoringModel model =
        valid(ModelReader.read(model("scale", map("floor", 10), "tiers", tiers)));
    assertThat(model.tiers()).hasSize(2);
    assertThat(ModelReader.read(model("scale", map("cap", 5), "tiers", tiers)))
        .isInstanceOf(Read.Valid.class);
  }
}
