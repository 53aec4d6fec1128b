package io.leadscore.bootstrap.cli;

import io.leadscore.bootstrap.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Runs the CLI in-process with captured stdout/stderr and a fixed clock. */
final class Cli {
  private Cli() {}

  /** "Now" for every in-process run. */
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code =
        Main.run(
            args, new PrintWriter(out), new PrintWriter(err), Clock.fixed(NOW, ZoneOffset.UTC));
    return new Result(code, out.toString(), err.toString());
  }

  /** The repository root (set by the build; the module's parent when run from an IDE). */
  static Path root() {
    return Path.of(System.getProperty("leadscore.root", "..")).toAbsolutePath().normalize();
  }

  static Path example(String name) {
    return root().resolve("examples").resolve(name);
  }
}
