package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.NewEvent;
import io.leadscore.domain.event.Event;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link H2DurabilityIT}: appends one event per transaction to the H2 database
 * at {@code args[0]} and prints {@code acked <key>} after each commit returns, until it is killed.
 */
final class H2DurabilityProbe {
  private H2DurabilityProbe() {}

  public static void main(String[] args) {
    var out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    var database = new Database(Database.Settings.of(args[0], "sa", ""));
    var transactions = new JdbiTransactions(database);
    var events = new JdbiEventStore(transactions);
    new JdbiContactRepository(transactions)
        .findOrCreate("a", new ContactIdentity.ById("c1"), "c1", Instant.EPOCH);
    for (long i = 0; ; i++) {
      String key = "k" + i;
      var event = new Event(key, "page.viewed", Instant.EPOCH.plusSeconds(i), Map.of());
      transactions.run(
          () -> events.append("a", List.of(new NewEvent("c1", "api", event)), Instant.EPOCH));
      out.println("acked " + key);
    }
  }
}
