package io.leadscore.adapter.http.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.adapter.http.json.DocumentParser.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentParserTest {
  @TempDir Path dir;

  private static Object yaml(String text) throws DocumentSyntaxException {
    return DocumentParser.parse(text.getBytes(UTF_8), Format.YAML, "m.yaml");
  }

  private static Object json(String text) throws DocumentSyntaxException {
    return DocumentParser.parse(text.getBytes(UTF_8), Format.JSON, "m.json");
  }

  @Test
  void yaml_key_on_stays_the_string_on() throws Exception {
    assertThat(yaml("on: email.clicked\n")).isEqualTo(Map.of("on", "email.clicked"));
  }

  @Test
  void yaml_boolean_like_words_stay_strings_as_in_yaml_1_2() throws Exception {
    var tree = yaml("a: on\nb: yes\nc: no\nd: off\ne: y\nf: true\ng: false\nh: True\n");

    assertThat(tree)
        .isEqualTo(
            Map.of(
                "a", "on", "b", "yes", "c", "no", "d", "off", "e", "y", "f", true, "g", false, "h",
                true));
  }

  @Test
  void yaml_keeps_key_order_and_reads_numbers_and_lists() throws Exception {
    var tree = yaml("z: 1\na: 2.5\nm: [x, 3]\n");

    assertThat(tree).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) tree).keySet().stream().map(String::valueOf).toList())
        .containsExactly("z", "a", "m");
    assertThat(tree).isEqualTo(Map.of("z", 1, "a", 2.5, "m", List.of("x", 3)));
  }

  @Test
  void a_yaml_string_over_a_mebibyte_is_an_error_as_in_json() throws Exception {
    String tooLong = "x".repeat((1 << 20) + 1);
    assertThatThrownBy(() -> yaml("name: \"" + tooLong + "\"\n"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageContaining("name: a string longer than 1048576 characters");
    assertThatThrownBy(() -> json("{\"name\": \"" + tooLong + "\"}"))
        .isInstanceOf(DocumentSyntaxException.class);
    assertThat(yaml("name: \"" + "x".repeat(1 << 20) + "\"\n")).isNotNull();
  }

  @Test
  void json_duplicate_key_is_an_error_with_line_and_column() {
    assertThatThrownBy(() -> json("{\n  \"id\": \"a\",\n  \"id\": \"b\"\n}"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageStartingWith("m.json:3:")
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void yaml_duplicate_key_is_an_error() {
    assertThatThrownBy(() -> yaml("id: a\nname: x\nid: b\n"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageStartingWith("m.yaml:3:")
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void yaml_syntax_error_names_file_line_and_column() {
    assertThatThrownBy(() -> yaml("id: a\nfit: [1,\n  2\nname: x\n"))
        .isInstanceOfSatisfying(
            DocumentSyntaxException.class,
            e -> {
              assertThat(e.source()).isEqualTo("m.yaml");
              assertThat(e.line()).isPositive();
              assertThat(e.column()).isPositive();
              assertThat(e.getMessage())
                  .startsWith("m.yaml:" + e.line() + ":" + e.column() + ": not valid YAML: ");
            });
  }

  @Test
  void json_syntax_error_names_file_line_and_column() {
    assertThatThrownBy(() -> json("{\"id\": \"a\",\n \"fit\": [}"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageStartingWith("m.json:2:")
        .hasMessageContaining("not valid JSON: ");
  }

  @Test
  void json_trailing_content_is_an_error() {
    assertThatThrownBy(() -> json("{\"id\": \"a\"} {\"id\": \"b\"}"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageStartingWith("m.json:1:");
  }

  @Test
  void empty_document_is_unreadable() {
    assertThatThrownBy(() -> yaml("  \n# only a comment\n"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessage("m.yaml: empty document");
  }

  @Test
  void huge_numbers_become_values_the_reader_can_reject_not_crashes() throws Exception {
    var tree = (Map<?, ?>) json("{\"a\": 1e400, \"b\": 123456789012345678901234567890}");

    assertThat(tree.get("a")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(tree.get("b")).isInstanceOf(java.math.BigInteger.class);
  }

  @Test
  void yaml_binary_values_are_not_plain_values() {
    assertThatThrownBy(() -> yaml("id: !!binary aGVsbG8=\n"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessage(
            "m.yaml: id: unsupported value (only text, numbers, booleans, lists and mappings)");
  }

  @Test
  void missing_file_is_unreadable() {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> DocumentParser.parseFile(missing))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessage(missing + ": no such file");
  }

  @Test
  void format_comes_from_the_extension_else_from_the_first_character() throws Exception {
    byte[] jsonText = "  \n {\"id\": \"a\"}".getBytes(UTF_8);
    byte[] yamlText = "id: a\n".getBytes(UTF_8);

    assertThat(DocumentParser.formatOf(Path.of("m.yaml"), jsonText)).isEqualTo(Format.YAML);
    assertThat(DocumentParser.formatOf(Path.of("m.YML"), jsonText)).isEqualTo(Format.YAML);
    assertThat(DocumentParser.formatOf(Path.of("m.json"), yamlText)).isEqualTo(Format.JSON);
    assertThat(DocumentParser.formatOf(Path.of("model"), jsonText)).isEqualTo(Format.JSON);
    assertThat(DocumentParser.formatOf(Path.of("model.txt"), yamlText)).isEqualTo(Format.YAML);

    Path noExtension = Files.write(dir.resolve("model"), jsonText);
    assertThat(DocumentParser.parseFile(noExtension)).isEqualTo(Map.of("id", "a"));
  }

  @Test
  void yaml_aliases_are_refused_with_their_line() {
    for (String yaml : List.of("a: &n x\nb: *n\n", "a: 1\nb: *n\n", "a: 1\nb:\n  equals: *n\n")) {
      assertThatThrownBy(() -> DocumentParser.parse(yaml.getBytes(UTF_8), Format.YAML, "m"))
          .isInstanceOf(DocumentSyntaxException.class)
          .hasMessageContaining("anchors and aliases are not supported")
          .satisfies(e -> assertThat(((DocumentSyntaxException) e).line()).isPositive());
    }
  }

  @Test
  void syntax_errors_name_no_parser_features_or_java_types() {
    for (String json :
        List.of("{\"a\": NaN}", "{\"a\": +1}", "{/* c */}", "{} {}", "[1", "{\"a\": 01}")) {
      assertThatThrownBy(() -> DocumentParser.parse(json.getBytes(UTF_8), Format.JSON, "body"))
          .isInstanceOf(DocumentSyntaxException.class)
          .satisfies(
              e ->
                  assertThat(((DocumentSyntaxException) e).located())
                      .doesNotContain("Feature", "ALLOW_", "`", "java.", "StreamRead", "Source:")
                      .startsWith("line "));
    }
    assertThatThrownBy(
            () -> DocumentParser.parse("[".repeat(300).getBytes(UTF_8), Format.JSON, "body"))
        .hasMessageContaining("nesting depth (201) exceeds the maximum allowed (200)")
        .hasMessageNotContaining("StreamReadConstraints");
  }
}
