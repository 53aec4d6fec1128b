package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.fit;
import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.model;
import static io.leadscore.domain.reading.Trees.valid;
import static io.leadscore.domain.reading.Trees.whenProblems;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.condition.FieldTest;
import io.leadscore.domain.model.condition.Value;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Predicates: forms, operators and operands (scoring-model.md, "Predicates", "Validation"). */
class PredicateReaderTest {

  private static Condition when(Object predicate) {
    return valid(ModelReader.read(model("fit", list(fit(predicate))))).fit().get(0).when();
  }

  private static Condition title(FieldTest test) {
    return new Condition.OnField("title", test);
  }

  static Stream<Arguments> every_form_reads() {
    return Stream.of(
        Arguments.of(map("field", "title", "equals", "CEO"), title(new FieldTest.Equals(new Value.Text("CEO")))),
        Arguments.of(map("field", "title", "equals", 50), title(new FieldTest.Equals(new Value.Number(50)))),
        Arguments.of(map("field", "title", "equals", true), title(new FieldTest.Equals(new Value.Bool(true)))),
        Arguments.of(
            map("field", "title", "in", list("a", 2, false)),
            title(new FieldTest.In(List.of(new Value.Text("a"), new Value.Number(2), new Value.Bool(false))))),
        Arguments.of(map("field", "title", "contains", "vp"), title(new FieldTest.Contains("vp"))),
        Arguments.of(map("field", "title", "contains", 50.0), title(new FieldTest.Contains("50"))),
        Arguments.of(map("field", "title", "endsWith", "@ex.com"), title(new FieldTest.EndsWith("@ex.com"))),
        Arguments.of(map("field", "title", "endsWith", 1.5), title(new FieldTest.EndsWith("1.5"))),
        Arguments.of(map("field", "title", "matches", "^a+$"), title(new FieldTest.Matches(Pattern.compile("^a+$")))),
        Arguments.of(
            map("field", "title", "between", list(1, "10")),
            title(new FieldTest.Between(new Value.Number(1), new Value.Text("10")))),
        Arguments.of(
            map("field", "title", "between", list("2026-01-01", "2026-12-31")),
            title(new FieldTest.Between(new Value.Text("2026-01-01"), new Value.Text("2026-12-31")))),
        Arguments.of(map("field", "title", "exists", false), title(new FieldTest.Exists(false))),
        Arguments.of(map("tag", "VIP"), new Condition.HasTag("vip")),
        Arguments.of(
            map("all", list(map("tag", "a"), map("not", map("tag", "b")))),
            new Condition.All(List.of(new Condition.HasTag("a"), new Condition.Not(new Condition.HasTag("b"))))),
        Arguments.of(map("any", list(map("tag", "a"))), new Condition.Any(List.of(new Condition.HasTag("a")))));
  }

  @ParameterizedTest
  @MethodSource
  void every_form_reads(Map<String, Object> predicate, Condition expected) {
    assertThat(when(predicate)).isEqualTo(expected);
  }

  @Test
  void a_predicate_must_be_an_object() {
    assertThat(whenProblems("title = ceo")).containsExactly("fit[0].when: must be an object");
  }

  @Test
  void an_empty_predicate_names_the_forms() {
    assertThat(whenProblems(map())).containsExactly("fit[0].when: must have one of field, tag, all, any or not");
  }

  @Test
  void two_forms_are_a_problem() {
    assertThat(whenProblems(map("tag", "a", "all", list(map("tag", "b")))))
        .containsExactly("fit[0].when: must have only one of field, tag, all, any or not (has tag, all)");
    assertThat(whenProblems(map("field", "title", "equals", "x", "not", map("tag", "b"))))
        .containsExactly("fit[0].when: must have only one of field, tag, all, any or not (has field, not)");
  }

  @Test
  void an_operator_without_a_field_is_a_problem() {
    assertThat(whenProblems(map("equals", "ceo"))).containsExactly("fit[0].when: equals needs a field");
  }

  @Test
  void a_field_without_an_operator_is_a_problem() {
    assertThat(whenProblems(map("field", "title")))
        .containsExactly(
            "fit[0].when: field needs one operator: equals, in, contains, matches, between, exists, endsWith");
  }

  @Test
  void two_operators_are_a_problem() {
    assertThat(whenProblems(map("field", "title", "equals", "a", "contains", "b")))
        .containsExactly("fit[0].when: field takes one operator (has equals, contains)");
  }

  @Test
  void unknown_predicate_keys_are_named_by_their_path() {
    assertThat(whenProblems(map("field", "title", "equal", "ceo")))
        .containsExactly(
            "fit[0].when: field needs one operator: equals, in, contains, matches, between, exists, endsWith",
            "fit[0].when.equal: unknown predicate key");
    assertThat(whenProblems(map("all", list(map("tag", "a", "weight", 2)))))
        .containsExactly("fit[0].when.all[0].weight: unknown predicate key");
  }

  @Test
  void field_must_be_a_non_empty_string() {
    assertThat(whenProblems(map("field", 3, "exists", true))).containsExactly("fit[0].when.field: must be a string");
    assertThat(whenProblems(map("field", "", "exists", true))).containsExactly("fit[0].when.field: must not be empty");
  }

  @Test
  void equals_takes_a_string_number_or_boolean() {
    assertThat(whenProblems(map("field", "f", "equals", list("a"))))
        .containsExactly("fit[0].when.equals: must be a string, number or boolean");
    assertThat(whenProblems(map("field", "f", "equals", null)))
        .containsExactly("fit[0].when.equals: must be a string, number or boolean");
    assertThat(whenProblems(map("field", "f", "equals", Double.NaN)))
        .containsExactly("fit[0].when.equals: must be a finite number");
  }

  @Test
  void in_takes_a_non_empty_list_of_scalars() {
    assertThat(whenProblems(map("field", "f", "in", "a"))).containsExactly("fit[0].when.in: must be a list");
    assertThat(whenProblems(map("field", "f", "in", list()))).containsExactly("fit[0].when.in: must not be empty");
    assertThat(whenProblems(map("field", "f", "in", list("a", map(), null))))
        .containsExactly(
            "fit[0].when.in[1]: must be a string, number or boolean",
            "fit[0].when.in[2]: must be a string, number or boolean");
  }

  @Test
  void contains_and_ends_with_take_a_non_empty_string_or_a_number() {
    assertThat(whenProblems(map("field", "f", "contains", true)))
        .containsExactly("fit[0].when.contains: must be a string");
    assertThat(whenProblems(map("field", "f", "endsWith", ""))).containsExactly("fit[0].when.endsWith: must not be empty");
  }

  @Test
  void matches_takes_a_valid_re2_pattern() {
    assertThat(whenProblems(map("field", "f", "matches", 3))).containsExactly("fit[0].when.matches: must be a string");
    assertThat(whenProblems(map("field", "f", "matches", "(?=a)")))
        .containsExactly("fit[0].when.matches: not a valid RE2 regular expression: invalid or unsupported Perl syntax");
    assertThat(whenProblems(map("field", "f", "matches", "[a-")))
        .containsExactly("fit[0].when.matches: not a valid RE2 regular expression: missing closing ]");
    assertThat(whenProblems(map("field", "f", "matches", "a++")))
        .containsExactly("fit[0].when.matches: not a valid RE2 regular expression: invalid nested repetition operator");
  }

  @Test
  void matches_is_at_most_512_characters() {
    assertThat(when(map("field", "f", "matches", "a".repeat(512)))).isNotNull();
    assertThat(whenProblems(map("field", "f", "matches", "a".repeat(513))))
        .containsExactly("fit[0].when.matches: must be at most 512 characters");
  }

  @Test
  void matches_rejects_repetitions_that_would_exhaust_memory_when_compiled() {
    assertThat(whenProblems(map("field", "f", "matches", "((a{1000}){1000}){1000}")))
        .containsExactly("fit[0].when.matches: not a valid RE2 regular expression: repetitions expand beyond 10000");
    assertThat(when(map("field", "f", "matches", "(\\d{1,3}\\.){3}\\d{1,3}"))).isNotNull();
    assertThat(when(map("field", "f", "matches", "(a+)+$"))).isNotNull();
  }

  @Test
  void between_takes_two_ascending_strings_or_numbers() {
    assertThat(whenProblems(map("field", "f", "between", list(1))))
        .containsExactly("fit[0].when.between: must be a list of two bounds [low, high]");
    assertThat(whenProblems(map("field", "f", "between", list(true, map()))))
        .containsExactly(
            "fit[0].when.between[0]: must be a string or number", "fit[0].when.between[1]: must be a string or number");
    assertThat(whenProblems(map("field", "f", "between", list(10, 9))))
        .containsExactly("fit[0].when.between: bounds must be ascending");
    assertThat(whenProblems(map("field", "f", "between", list("b", "A"))))
        .containsExactly("fit[0].when.between: bounds must be ascending");
    // "9" and "10" both read as numbers, so they are ascending.
    assertThat(when(map("field", "f", "between", list("9", "10")))).isNotNull();
    assertThat(when(map("field", "f", "between", list(5, 5)))).isNotNull();
  }

  @Test
  void exists_takes_a_boolean() {
    assertThat(whenProblems(map("field", "f", "exists", "yes"))).containsExactly("fit[0].when.exists: must be true or false");
  }

  @Test
  void tag_takes_a_non_empty_string() {
    assertThat(whenProblems(map("tag", 1))).containsExactly("fit[0].when.tag: must be a string");
    assertThat(whenProblems(map("tag", ""))).containsExactly("fit[0].when.tag: must not be empty");
  }

  @Test
  void all_and_any_take_non_empty_lists_of_predicates() {
    assertThat(whenProblems(map("all", list()))).containsExactly("fit[0].when.all: must not be empty");
    assertThat(whenProblems(map("any", map("tag", "a")))).containsExactly("fit[0].when.any: must be a list");
    assertThat(whenProblems(map("any", list(map("tag", "a"), map("field", "f"), "x"))))
        .containsExactly(
            "fit[0].when.any[1]: field needs one operator: equals, in, contains, matches, between, exists, endsWith",
            "fit[0].when.any[2]: must be an object");
  }

  @Test
  void not_takes_a_predicate() {
    assertThat(whenProblems(map("not", list(map("tag", "a"))))).containsExactly("fit[0].when.not: must be an object");
    assertThat(whenProblems(map("not", map("tag", "a", "tags", "b"))))
        .containsExactly("fit[0].when.not.tags: unknown predicate key");
  }

  @Test
  void tags_are_for_contacts_only_even_deep_inside_a_where() {
    var rule =
        map("id", "e", "points", 1, "on", "*", "where", map("any", list(map("not", map("tag", "vip")))));
    assertThat(Trees.problems(ModelReader.read(model("engagement", list(rule)))))
        .containsExactly("engagement[0].where.any[0].not.tag: tag is allowed on contacts only");
  }

  @Test
  void nesting_deeper_than_the_limit_is_a_problem_not_a_stack_overflow() {
    Object predicate = map("tag", "a");
    for (int i = 0; i < PredicateReader.MAX_DEPTH - 1; i++) {
      predicate = map("not", predicate);
    }
    assertThat(when(predicate)).isNotNull();

    Object deep = map("tag", "a");
    for (int i = 0; i < 100_000; i++) {
      deep = map("not", deep);
    }
    String path = "fit[0].when" + ".not".repeat(PredicateReader.MAX_DEPTH);
    assertThat(whenProblems(deep)).containsExactly(path + ": nested too deeply (at most 32 levels)");
  }

  @Test
  void a_cyclic_predicate_is_a_problem_not_a_stack_overflow() {
    var cyclic = map();
    cyclic.put("not", cyclic);
    assertThat(whenProblems(cyclic)).singleElement().asString().endsWith("nested too deeply (at most 32 levels)");
  }
}
