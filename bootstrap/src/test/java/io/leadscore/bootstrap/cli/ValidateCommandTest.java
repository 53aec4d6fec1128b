package io.leadscore.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void valid_model_prints_a_summary_and_exits_0() {
    Path model = Cli.example("b2b-default.yaml");

    var result = Cli.run("validate", model.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            model
                + ": valid model 'b2b-default' (3 fit rules, 4 engagement rules, 1 topic, 3 tiers,"
                + " 4 grades)\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void every_example_model_except_the_invalid_one_is_valid() throws Exception {
    try (var files = Files.list(Cli.root().resolve("examples"))) {
      for (Path model : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        boolean meantInvalid = model.getFileName().toString().startsWith("invalid");
        assertThat(Cli.run("validate", model.toString()).exitCode())
            .as(model.toString())
            .isEqualTo(meantInvalid ? 1 : 0);
      }
    }
  }

  @Test
  void invalid_model_prints_every_problem_one_a_line_and_exits_1() throws Exception {
    Path model =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            id: bad
            fit:
              - id: director
                points: 20
                when: { field: title, equals: director, equal: director }
            engagement:
              - id: click
                points: 10
            tiers:
              - { id: cold, from: 0 }
              - { id: cold, from: 50 }
            """);

    var result = Cli.run("validate", model.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().lines())
        .containsExactly(
            "fit[0].when.equal: unknown predicate key",
            "engagement[0].on: required",
            "tiers[1].id: duplicate id 'cold'");
    assertThat(result.err()).isEqualTo(model + ": invalid model, 3 problems\n");
  }

  @Test
  void invalid_example_lists_several_problems() {

    var result = Cli.run("validate", Cli.example("invalid-model.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out().lines())
        .hasSizeGreaterThanOrEqualTo(5)
        .anyMatch(line -> line.startsWith("id: "))
        .anyMatch(line -> line.startsWith("fit[0].points: "))
        .anyMatch(line -> line.startsWith("fit[0].when.equal: "))
        .anyMatch(line -> line.startsWith("engagement[0].decay.halfLife: "))
        .anyMatch(line -> line.startsWith("engagement[1].id: "))
        .anyMatch(line -> line.startsWith("engagement[1].on: "))
        .anyMatch(line -> line.startsWith("tiers[2].from: "));
  }

  @Test
  void yaml_on_key_and_boolean_like_values_reach_the_reader_as_strings() throws Exception {
    Path model =
        Files.writeString(
            dir.resolve("words.yaml"),
            """
            id: words
            fit:
              - id: says-yes
                points: 5
                when: { field: answer, in: [yes, on, no, off] }
            engagement:
              - id: opens
                points: 1
                on: email.opened
            """);

    var result = Cli.run("validate", model.toString());

    assertThat(result.out()).contains("valid model 'words' (1 fit rule, 1 engagement rule");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void missing_file_exits_2_with_the_file_on_stderr() {
    Path missing = dir.resolve("missing.yaml");

    var result = Cli.run("validate", missing.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("leadscore: " + missing + ": no such file\n");
  }

  @Test
  void unparseable_yaml_exits_2_naming_file_line_and_column() throws Exception {
    Path model = Files.writeString(dir.resolve("broken.yaml"), "id: a\nfit:\n  - id: [x\n");

    var result = Cli.run("validate", model.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .matches("leadscore: \\Q" + model + "\\E:\\d+:\\d+: not valid YAML: .*\n");
  }

  @Test
  void json_duplicate_keys_exit_2_naming_the_key() throws Exception {
    Path model = Files.writeString(dir.resolve("dup.json"), "{\"id\": \"a\",\n \"id\": \"b\"}");

    var result = Cli.run("validate", model.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("leadscore: " + model + ":2:")
        .contains("Duplicate field 'id'");
  }

  @Test
  void missing_file_argument_is_a_usage_error() {
    var result = Cli.run("validate");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required parameter: 'FILE'");
  }

  @Test
  void no_command_prints_usage_and_exits_2() {
    var result = Cli.run();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Usage: leadscore").contains("validate").contains("score");
  }

  @Test
  void help_command_exits_0() {
    var result = Cli.run("help", "validate");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: leadscore validate").contains("Exit codes:");
  }
}
