package io.leadscore.adapter.http.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.adapter.http.json.DocumentParser.Format;
import io.leadscore.domain.reading.ModelReader;
import io.leadscore.domain.reading.Read;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes a user feeds in, the parser and the model reader answer with a clean error (an
 * {@link DocumentSyntaxException} or problems), never an uncaught exception.
 */
class DocumentParserFuzzTest {

  @Property(tries = 300)
  void random_bytes_give_a_tree_or_a_clean_error(
      @ForAll @Size(max = 200) byte[] content, @ForAll Format format) {
    parseAndRead(content, format);
  }

  @Property(tries = 500)
  void random_yaml_and_json_fragments_give_a_tree_or_a_clean_error(
      @ForAll("fragments") String text, @ForAll Format format) {
    parseAndRead(text.getBytes(UTF_8), format);
  }

  @Provide
  Arbitrary<String> fragments() {
    Arbitrary<String> token =
        Arbitraries.of(
            "id:",
            " b2b",
            "\n",
            "  ",
            "- ",
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "'",
            "on:",
            "yes",
            "points:",
            " 1e999",
            " -0",
            " 12345678901234567890123",
            " .inf",
            " .nan",
            "&a",
            "*a",
            "!!binary",
            "!!str",
            "? ",
            "#",
            "fit:",
            "when:",
            "{field: title, matches: \"(a\"}",
            "\\u0000",
            "\t",
            "---",
            "...",
            "%YAML 1.2",
            "null",
            "~",
            "<<: *a",
            "\"id\":",
            "true");
    return token.list().ofMaxSize(40).map(tokens -> String.join("", tokens));
  }

  private static void parseAndRead(byte[] content, Format format) {
    Object tree;
    try {
      tree = DocumentParser.parse(content, format, "fuzz");
    } catch (DocumentSyntaxException e) {
      assertThat(e.getMessage()).startsWith("fuzz");
      return;
    }
    Read<?> read = ModelReader.read(tree);
    assertThat(read).isNotNull();
  }
}
