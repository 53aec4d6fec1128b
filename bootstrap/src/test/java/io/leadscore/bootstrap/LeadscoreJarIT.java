package io.leadscore.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar ({@code bootstrap/target/leadscore.jar}) as a child JVM, with the java that
 * runs this test, as a user would: proves the manifest, the shading and the exit codes.
 */
class LeadscoreJarIT {

  private static final Path ROOT =
      Path.of(System.getProperty("leadscore.root", "..")).toAbsolutePath().normalize();
  private static final Path JAR =
      Path.of(System.getProperty("leadscore.jar", "target/leadscore.jar")).toAbsolutePath();

  record Run(int exitCode, String out, String err) {}

  private static Run java(String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    var command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("leadscore-out", ".txt");
    Path err = Files.createTempFile("leadscore-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(ROOT.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("jar finished").isTrue();
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void the_jar_validates_the_example_model() throws Exception {
    var run = java("validate", "examples/b2b-default.yaml");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("examples/b2b-default.yaml: valid model 'b2b-default'");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void the_jar_exits_2_on_a_missing_file() throws Exception {
    var missing = java("validate", "examples/no-such-model.yaml");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("leadscore: examples/no-such-model.yaml: no such file\n");
  }

  @Test
  void the_jar_exits_1_on_an_invalid_model() throws Exception {

    var run = java("validate", "examples/invalid-model.yaml");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("engagement[0].decay.halfLife: ");
  }

  @Test
  void the_jar_prints_help() throws Exception {
    var run = java("help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: leadscore").contains("validate").contains("score");
  }

  @Test
  void the_jar_migrates_creates_keys_and_reports_bad_configuration(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("leadscore.yaml");
    Files.writeString(
        config,
        "database:\n  url: \"jdbc:h2:"
            + dir.resolve("db").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH\"\n");

    Run migrate = java("migrate", "--config", config.toString());
    assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    assertThat(migrate.out()).contains("the schema is up to date");
    assertThat(java("migrate", "--config", config.toString()).out()).startsWith("applied 0");

    Run key =
        java(
            "keys",
            "create",
            "--workspace",
            "acme",
            "--scope",
            "admin",
            "--config",
            config.toString());
    assertThat(key.exitCode()).as(key.err()).isZero();
    assertThat(key.out().strip()).matches("lsk_[a-z2-7]{16}_[A-Za-z0-9_-]{43}");
    assertThat(key.err()).contains("shown once");

    Run badScope =
        java(
            "keys",
            "create",
            "--workspace",
            "acme",
            "--scope",
            "owner",
            "--config",
            config.toString());
    assertThat(badScope.exitCode()).isEqualTo(2);
    assertThat(badScope.err()).contains("not a scope");

    Run noModel =
        java("rescore", "--workspace", "acme", "--model", "nope", "--config", config.toString());
    assertThat(noModel.exitCode()).isEqualTo(1);
    assertThat(noModel.err()).contains("nope");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "database: { poolSize: many }\nserver: { prot: 1 }\n");
    Run invalid = java("migrate", "--config", bad.toString());
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).contains("database.poolSize").contains("server.prot");
  }
}
