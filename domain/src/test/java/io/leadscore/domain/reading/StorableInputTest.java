package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.model;
import static io.leadscore.domain.reading.Trees.problems;
import static io.leadscore.domain.reading.Trees.valid;
import static io.leadscore.domain.reading.Trees.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input is valid only when both databases can store it as it is: instants in the years 1 to 9999,
 * text without NUL (U+0000) or unpaired surrogates, anywhere in an event, a contact or a model.
 */
class StorableInputTest {
  private static final Map<String, Object> CLICK =
      map("eventKey", "k1", "type", "email.clicked", "occurredAt", "2026-11-22T10:00:00Z");

  private static java.util.List<String> eventProblems(Object tree) {
    return problems(EventReader.read(tree, Set.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+10000-01-01T00:00:00Z",
        "0000-12-31T23:59:59Z",
        "-0001-01-01T00:00:00Z",
        "+999999999-12-31T23:59:59Z",
        "9999-12-31T23:00:00-01:00"
      })
  void an_instant_outside_the_years_1_to_9999_is_a_problem_at_occurred_at(String instant) {
    assertThat(eventProblems(with(CLICK, "occurredAt", instant)))
        .containsExactly("occurredAt: must be an instant in the years 1 to 9999 (UTC)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z"})
  void the_first_and_last_instants_of_the_years_1_to_9999_are_accepted(String instant) {
    assertThat(valid(EventReader.read(with(CLICK, "occurredAt", instant), Set.of())).occurredAt())
        .isEqualTo(Instant.parse(instant));
  }

  @Test
  void nul_in_a_property_value_at_any_depth_is_a_problem_with_its_path() {
    var tree =
        with(
            CLICK,
            "properties",
            map(
                "url", "a\u0000b",
                "utm", map("source", "\u0000"),
                "pages", list("ok", "x\u0000")));

    assertThat(eventProblems(tree))
        .containsExactly(
            "properties.url: must not contain NUL (U+0000)",
            "properties.utm.source: must not contain NUL (U+0000)",
            "properties.pages[1]: must not contain NUL (U+0000)");
  }

  @Test
  void nul_in_a_property_key_is_a_problem_printed_without_the_nul() {
    var tree = with(CLICK, "properties", map("u\u0000rl", "x"));

    assertThat(eventProblems(tree))
        .containsExactly("properties.u\\u0000rl: key must not contain NUL (U+0000)");
  }

  @Test
  void unpaired_surrogates_in_keys_and_values_are_problems() {
    var tree = with(CLICK, "properties", map("a", "x\uD800", "b\uDC00", "y", "ok", "\uD83D\uDE00"));

    assertThat(eventProblems(tree))
        .containsExactly(
            "properties.a: must not contain an unpaired surrogate (U+D800 to U+DFFF)",
            "properties.b\\udc00: key must not contain an unpaired surrogate (U+D800 to U+DFFF)");
  }

  @Test
  void nul_in_event_type_is_a_problem() {
    assertThat(eventProblems(with(CLICK, "type", "email.\u0000")))
        .containsExactly("type: must not contain NUL (U+0000)");
  }

  @Test
  void nul_in_contact_attributes_and_tags_is_a_problem_with_its_path() {
    var tree = map("attributes", map("title", "VP\u0000"), "tags", list("ok", "t\u0000"));

    assertThat(problems(ContactReader.read(tree)))
        .containsExactly(
            "attributes.title: must not contain NUL (U+0000)",
            "tags[1]: must not contain NUL (U+0000)");
  }

  @Test
  void nul_in_a_model_string_is_a_problem_with_its_path() {
    var tree =
        model(
            "name",
            "n\u0000",
            "grades",
            list(map("id", "A\u0000", "from", 0)),
            "fit",
            list(map("id", "f", "points", 1, "when", map("field", "t", "contains", "\u0000"))));

    assertThat(problems(ModelReader.read(tree)))
        .containsExactly(
            "name: must not contain NUL (U+0000)",
            "grades[0].id: must not contain NUL (U+0000)",
            "fit[0].when.contains: must not contain NUL (U+0000)");
  }

  @Test
  void the_text_of_one_event_or_contact_is_at_most_one_mebi_character() {
    String half = "x".repeat(600_000);
    var tree = with(CLICK, "properties", map("a", half, "b", list(half)));

    assertThat(eventProblems(tree))
        .containsExactly(
            "properties: too much text (at most 1048576 characters of keys and text values)");
    assertThat(problems(ContactReader.read(map("attributes", map("a", half, "b", half)))))
        .containsExactly(
            "attributes: too much text (at most 1048576 characters of keys and text values)");
    assertThat(valid(ContactReader.read(map("attributes", map("a", "x".repeat(1_048_575))))))
        .isNotNull();
  }
}
