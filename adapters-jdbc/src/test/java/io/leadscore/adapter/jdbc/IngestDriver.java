package io.leadscore.adapter.jdbc;

import io.leadscore.application.fake.Application;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestResult;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A child process for {@link KillMidIngestIT}: ingests a deterministic stream of batches through
 * the ingest use case on a real database and prints {@code ACK <batch> <accepted> <duplicates>}
 * after each batch is acknowledged (committed), then {@code DONE}. Run twice with the same
 * arguments, it sends the very same events, half with explicit keys and half with derived ones.
 *
 * <p>Arguments: JDBC URL, user (or "-"), workspace, batches, batch size.
 */
public final class IngestDriver {
  static final Instant BASE = Instant.parse("2026-06-01T00:00:00Z");
  static final int CONTACTS = 300;
  private static final String[] TYPES = {
    "email.opened", "email.clicked", "form.submitted", "page.viewed", "demo.requested"
  };

  private IngestDriver() {}

  public static void main(String[] args) {
    var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String user = "-".equals(args[1]) ? null : args[1];
    String workspace = args[2];
    int batches = Integer.parseInt(args[3]);
    int batchSize = Integer.parseInt(args[4]);
    try (var database = new Database(Database.Settings.of(args[0], user, null))) {
      Application app =
          JdbcApplication.on(new JdbcPersistence(database), Clock.systemUTC(), "driver");
      for (int batch = 0; batch < batches; batch++) {
        IngestResult result =
            app.ingest.ingest(new IngestEventsCommand(workspace, "api", batch(batch, batchSize)));
        out.println("ACK " + batch + " " + result.accepted() + " " + result.duplicates());
      }
      out.println("DONE");
    }
  }

  /** The events of one batch: the same on every run. */
  static List<Object> batch(int batch, int size) {
    var random = new Random(batch * 7919L + 17);
    var events = new ArrayList<Object>(size);
    for (int i = 0; i < size; i++) {
      var event = new LinkedHashMap<String, Object>();
      if (i % 2 == 0) {
        event.put("eventKey", "e-" + batch + "-" + i);
      }
      event.put("type", TYPES[random.nextInt(TYPES.length)]);
      event.put(
          "occurredAt", BASE.plusSeconds(batch * 3_600L + random.nextInt(86_400 * 30)).toString());
      event.put("contact", Map.of("email", "c" + random.nextInt(CONTACTS) + "@example.com"));
      event.put(
          "properties",
          Map.of("url", "https://ex.com/p/" + random.nextInt(20), "form", "consultation"));
      events.add(event);
    }
    return events;
  }
}
