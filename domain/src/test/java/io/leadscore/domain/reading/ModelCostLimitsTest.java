package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.model;
import static io.leadscore.domain.reading.Trees.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model's cost is bounded when it is read (model-language.md, "Limits"): counts of topics, tiers,
 * grades and predicates, and the total size of its regular expressions. Each limit is far above any
 * real model; the problem names the count and the limit.
 */
class ModelCostLimitsTest {

  private static List<String> problemsOf(Object tree) {
    return problems(ModelReader.read(tree));
  }

  private static boolean isValid(Object tree) {
    return ModelReader.read(tree) instanceof Read.Valid;
  }

  private static List<Object> topics(int count) {
    var topics = new ArrayList<Object>();
    for (int i = 0; i < count; i++) {
      topics.add(map("id", "t" + i, "on", "page.viewed", "interestedAt", 1));
    }
    return topics;
  }

  private static List<Object> levels(int count) {
    var levels = new ArrayList<Object>();
    for (int i = 0; i < count; i++) {
      levels.add(map("id", "l" + i, "from", i));
    }
    return levels;
  }

  @Test
  void at_most_200_topics() {
    assertThat(isValid(model("topics", topics(200)))).isTrue();

    assertThat(problemsOf(model("topics", topics(20_000))))
        .containsExactly("topics: too many topics (20000; at most 200)");
  }

  @Test
  void at_most_50_tiers_and_50_grades() {
    assertThat(isValid(model("tiers", levels(50), "grades", levels(50)))).isTrue();

    assertThat(problemsOf(model("tiers", levels(51), "grades", levels(20_000))))
        .containsExactly(
            "tiers: too many tiers (51; at most 50)",
            "grades: too many grades (20000; at most 50)");
  }

  @Test
  void at_most_5000_predicates_in_a_model() {
    var wide = new ArrayList<Object>();
    for (int i = 0; i < 2_500; i++) {
      wide.add(map("tag", "t" + i));
    }
    var fit =
        list(
            map("id", "a", "points", 1, "when", map("any", wide)),
            map("id", "b", "points", 1, "when", map("any", wide)));

    assertThat(problemsOf(model("fit", fit)))
        .containsExactly("fit: too many predicates (5002; at most 5000 in the whole model)");
    assertThat(isValid(model("fit", list(fit.get(0))))).isTrue();
  }

  @Test
  void in_lists_count_each_value_toward_the_predicate_limit() {
    var values = new ArrayList<Object>();
    for (int i = 0; i < 5_000; i++) {
      values.add("v" + i);
    }
    var fit = list(map("id", "a", "points", 1, "when", map("field", "f", "in", values)));

    assertThat(problemsOf(model("fit", fit)))
        .containsExactly("fit: too many predicates (5001; at most 5000 in the whole model)");
  }

  @Test
  void the_regular_expressions_of_a_model_total_at_most_20000_in_estimated_program_size() {
    // each pattern is within the per-pattern limits (512 characters, 10,000 expanded): 8,008
    var fit = new ArrayList<Object>();
    for (int i = 0; i < 3; i++) {
      fit.add(
          map("id", "r" + i, "points", 1, "when", map("field", "f", "matches", "([a-z]{999}){7}")));
    }

    assertThat(problemsOf(model("fit", fit)))
        .containsExactly(
            "fit: regular expressions too large (estimated program size 24024; at most 20000 in"
                + " the whole model)");
    assertThat(isValid(model("fit", fit.subList(0, 2)))).isTrue();
  }

  @Test
  void a_text_operand_is_at_most_1000_characters() {
    var when = map("field", "f", "contains", "x".repeat(1_001));

    assertThat(problemsOf(model("fit", list(map("id", "a", "points", 1, "when", when)))))
        .containsExactly("fit[0].when.contains: must be at most 1000 characters");
  }

  @Test
  void identifier_like_text_is_bounded() {
    String long101 = "g".repeat(101);
    String long201 = "f".repeat(201);
    var topic = map("id", "t", "on", long201 + ".x", "interestedAt", 1, "distinct", long201);
    var fit =
        list(
            map("id", "a", "points", 1, "when", map("field", long201, "equals", "x")),
            map("id", "b", "points", 1, "when", map("tag", long201)));

    assertThat(
            problemsOf(
                model(
                    "name",
                    long101,
                    "grades",
                    list(map("id", "g".repeat(8_000), "from", 0)),
                    "topics",
                    list(topic),
                    "fit",
                    fit)))
        .containsExactlyInAnyOrder(
            "name: must be at most 100 characters",
            "grades[0].id: must be at most 100 characters",
            "topics[0].on: must be at most 200 characters",
            "topics[0].distinct: must be at most 200 characters",
            "fit[0].when.field: must be at most 200 characters",
            "fit[1].when.tag: must be at most 200 characters");
    assertThat(
            isValid(
                model(
                    "name",
                    "n".repeat(100),
                    "grades",
                    list(map("id", "g".repeat(100), "from", 0)))))
        .isTrue();
  }

  @Test
  void at_most_100_event_types_in_an_on_list() {
    var types = new ArrayList<Object>();
    for (int i = 0; i < 101; i++) {
      types.add("page.v" + i);
    }
    var topic = map("id", "t", "on", types, "interestedAt", 1);

    assertThat(problemsOf(model("topics", list(topic))))
        .containsExactly("topics[0].on: too many event types (101; at most 100)");
    assertThat(
            isValid(
                model(
                    "topics",
                    list(map("id", "t", "on", types.subList(0, 100), "interestedAt", 1)))))
        .isTrue();
  }
}
