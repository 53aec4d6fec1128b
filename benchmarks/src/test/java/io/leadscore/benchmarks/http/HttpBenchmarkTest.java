package io.leadscore.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the HTTP harness at smoke scale (H2, a few seconds): every load runs and prints its row. No
 * timing is asserted (quality.md: figures are printed, never asserted), only that each figure is a
 * positive number and each row is printed.
 */
class HttpBenchmarkTest {
  @Test
  void smokeRunPrintsEveryRowWithPositiveFigures() throws Exception {
    var printed = new ByteArrayOutputStream();
    List<HttpBenchmark.Row> rows;
    try (var out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      rows = HttpBenchmark.run(HttpBenchmark.Options.parse("--smoke"), out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    System.out.println(text);

    assertThat(rows)
        .extracting(HttpBenchmark.Row::name)
        .containsExactly("http-ingest", "score-read", "leaderboard");
    for (HttpBenchmark.Row row : rows) {
      assertThat(row.figure()).as(row.name()).isPositive();
      assertThat(row.baseline()).as(row.name() + " baseline").isPositive();
      assertThat(row.measured()).as(row.name()).isNotBlank().doesNotContain("NaN");
      assertThat(text).contains("| " + row.name() + " | ");
    }
  }
}
