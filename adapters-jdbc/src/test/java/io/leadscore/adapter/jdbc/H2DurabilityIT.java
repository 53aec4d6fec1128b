package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.adapter.jdbc.TestDatabase.Kind;
import io.leadscore.domain.event.Event;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged event survives {@code kill -9} of the process on the embedded database
 * (http-api.md, "An event is acknowledged only once it is durable"; quality.md, kill-mid-ingest). A
 * child JVM commits one event per transaction and prints each key once its commit returned; it is
 * killed with SIGKILL mid-stream, and every key it printed must be in the database.
 */
class H2DurabilityIT {
  private static final int ACKS_BEFORE_KILL = 300;

  @Test
  void every_event_acknowledged_before_a_kill_9_is_in_the_database() throws Exception {
    try (var fresh = TestDatabase.fresh(Kind.H2)) {
      try (var database = new Database(fresh.settings())) {
        database.migrate();
      }
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classpath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Process child =
          new ProcessBuilder(
                  java, "-cp", classpath, H2DurabilityProbe.class.getName(), fresh.settings().url())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      var acked = new ArrayList<String>();
      try (var lines =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (acked.size() < ACKS_BEFORE_KILL && (line = lines.readLine()) != null) {
          if (line.startsWith("acked ")) {
            acked.add(line.substring("acked ".length()));
          }
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close, no final flush
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        child.destroyForcibly();
      }
      assertThat(acked).as("acknowledgements before the kill").hasSize(ACKS_BEFORE_KILL);

      try (var database = new Database(fresh.settings())) {
        List<String> stored =
            new JdbiEventStore(new JdbiTransactions(database))
                .history("a", "c1").stream().map(Event::eventKey).toList();
        assertThat(stored).containsAll(acked);
      }
    }
  }
}
