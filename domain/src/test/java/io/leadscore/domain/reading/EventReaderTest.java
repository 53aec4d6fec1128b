package io.leadscore.domain.reading;

import static io.leadscore.domain.reading.Trees.list;
import static io.leadscore.domain.reading.Trees.map;
import static io.leadscore.domain.reading.Trees.problems;
import static io.leadscore.domain.reading.Trees.valid;
import static io.leadscore.domain.reading.Trees.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.condition.Value;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Events as JSON gives them (scoring-model.md, "Events"). */
class EventReaderTest {

  private static final Map<String, Object> CLICK =
      map("eventKey", "mc:123", "type", "email.clicked", "occurredAt", "2026-11-22T10:00:00Z");

  private static List<String> problemsOf(Object tree) {
    return problems(EventReader.read(tree, Set.of()));
  }

  @Test
  void reads_an_event_with_flattened_properties() {
    var tree =
        with(
            CLICK,
            "properties",
            map("url", "https://ex.com", "utm", map("source", "x"), "n", 3, "gone", null));

    assertThat(valid(EventReader.read(tree, Set.of())))
        .isEqualTo(
            new Event(
                "mc:123",
                "email.clicked",
                Instant.parse("2026-11-22T10:00:00Z"),
                Map.of(
                    "url", new Value.Text("https://ex.com"),
                    "utm.source", new Value.Text("x"),
                    "n", new Value.Number(3))));
  }

  @Test
  void properties_are_optional() {
    assertThat(valid(EventReader.read(CLICK, Set.of())).properties()).isEmpty();
  }

  @Test
  void event_key_type_and_occurred_at_are_required() {
    assertThat(problemsOf(map()))
        .containsExactly("eventKey: required", "type: required", "occurredAt: required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "A-z_0.9:x"})
  void event_keys_of_allowed_characters_are_accepted(String key) {
    assertThat(valid(EventReader.read(with(CLICK, "eventKey", key), Set.of())).eventKey())
        .isEqualTo(key);
  }

  @Test
  void event_key_is_1_to_128_allowed_characters() {
    assertThat(valid(EventReader.read(with(CLICK, "eventKey", "k".repeat(128)), Set.of())))
        .isNotNull();
    for (String bad : List.of("", "k".repeat(129), "has space", "a/b", "é")) {
      assertThat(problemsOf(with(CLICK, "eventKey", bad)))
          .containsExactly("eventKey: must be 1 to 128 characters of A-Z a-z 0-9 . _ : -");
    }
    assertThat(problemsOf(with(CLICK, "eventKey", 123)))
        .containsExactly("eventKey: must be a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"email", "Email.clicked", "email.", "email..x", "email.*", "e mail.x"})
  void type_is_a_lower_case_dotted_name_of_two_segments_or_more(String type) {
    assertThat(problemsOf(with(CLICK, "type", type)))
        .containsExactly("type: must be a lower-case dotted name like email.clicked");
  }

  @Test
  void type_is_at_most_200_characters() {
    String longest = "e." + "x".repeat(198);
    assertThat(valid(EventReader.read(with(CLICK, "type", longest), Set.of())).type())
        .isEqualTo(longest);
    assertThat(problemsOf(with(CLICK, "type", longest + "x")))
        .containsExactly("type: must be at most 200 characters");
  }

  @Test
  void occurred_at_accepts_offsets_and_converts_to_utc() {
    var event =
        valid(EventReader.read(with(CLICK, "occurredAt", "2026-11-22T12:00:00.5+02:00"), Set.of()));
    assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.5Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-22T10:00:00",
        "2026-11-22",
        "2026-02-30T10:00:00Z",
        "yesterday",
        "2026-11-22 10:00:00Z",
        "1763805600"
      })
  void occurred_at_must_be_an_instant_with_a_zone(String text) {
    assertThat(problemsOf(with(CLICK, "occurredAt", text)))
        .containsExactly(
            "occurredAt: must be an ISO-8601 instant with Z or an offset, like 2026-11-22T10:00:00Z");
  }

  @Test
  void occurred_at_must_be_a_string() {
    assertThat(problemsOf(with(CLICK, "occurredAt", 1763805600)))
        .containsExactly("occurredAt: must be a string");
  }

  @Test
  void unknown_keys_are_problems_unless_allowed() {
    var tree = with(CLICK, "contact", map("email", "a@ex.com"));
    assertThat(problemsOf(tree)).containsExactly("contact: unknown key");
    assertThat(EventReader.read(tree, Set.of("contact"))).isInstanceOf(Read.Valid.class);
  }

  @Test
  void property_values_are_checked_with_their_paths() {
    var tree =
        with(
            CLICK,
            "properties",
            map(
                "ok", list("a", list(1, true), null),
                "nan", Double.NaN,
                "utm", map("when", new Object()),
                "rows", list(map("a", 1))));
    assertThat(problemsOf(tree))
        .containsExactly(
            "properties.nan: must be a finite number",
            "properties.utm.when: must be a string, number, boolean, list or object",
            "properties.rows[0]: must be a string, number, boolean or list (not an object)");
  }

  @Test
  void properties_must_be_an_object_with_string_keys() {
    assertThat(problemsOf(with(CLICK, "properties", list())))
        .containsExactly("properties: must be an object");
    var properties = new LinkedHashMap<Object, Object>();
    properties.put(1, "x");
    assertThat(problemsOf(with(CLICK, "properties", properties)))
        .containsExactly("properties.1: key must be a string");
  }

  @Test
  void names_that_collide_once_flattened_are_a_problem() {
    var tree = with(CLICK, "properties", map("utm.source", "a", "utm", map("source", "b")));
    assertThat(problemsOf(tree))
        .containsExactly(
            "properties.utm.source: duplicate name 'utm.source' once nested names are joined with dots");
  }

  @Test
  void deeply_nested_or_cyclic_properties_are_a_problem_not_a_stack_overflow() {
    var cyclic = map();
    cyclic.put("self", cyclic);
    assertThat(problemsOf(with(CLICK, "properties", cyclic)))
        .singleElement()
        .asString()
        .endsWith("nested too deeply (at most 32 levels)");
    var cyclicList = list();
    cyclicList.add(cyclicList);
    assertThat(problemsOf(with(CLICK, "properties", map("l", cyclicList))))
        .singleElement()
        .asString()
        .endsWith("nested too deeply (at most 32 levels)");
  }

  @Test
  void a_tree_that_is_not_an_object_is_a_problem() {
    assertThat(problemsOf("event")).containsExactly("must be an object");
  }
}
