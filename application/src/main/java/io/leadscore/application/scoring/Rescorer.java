package io.leadscore.application.scoring;

import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Re-scores every contact of a workspace under one live model: streams histories through a cursor
 * (one contact in memory at a time), scores each at one instant, writes rows in batches of {@value
 * #BATCH}, each batch its own transaction. Reports progress after each batch; stops early when told
 * to (a lost job lease).
 */
public final class Rescorer {
  public static final int BATCH = 500;

  /** Progress after a batch: contacts done out of total, and tier changes so far. */
  public interface Progress {
    /** Returns false to stop. */
    boolean after(long done, long total, long tierChanges);
  }

  private final Transactions transactions;
  private final ContactRepository contacts;
  private final EventStore events;
  private final ScoreMaterialiser materialiser;
  private final Clock clock;

  public Rescorer(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      Notifier notifier,
      Clock clock) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.events = events;
    this.materialiser = new ScoreMaterialiser(scores, notifier);
    this.clock = clock;
  }

  /**
   * Re-scores the workspace; returns false when {@code progress} asked to stop.
   *
   * @param live the version to score with
   */
  public boolean rescore(String workspace, LiveModels.Live live, Progress progress) {
    long total = contacts.count(workspace);
    Instant now = clock.instant();
    long done = 0;
    long changes = 0;
    var batch = new ArrayList<ContactHistory>(BATCH);
    try (Stream<ContactHistory> histories = events.histories(workspace)) {
      var iterator = histories.iterator();
      while (iterator.hasNext()) {
        batch.add(iterator.next());
        if (batch.size() == BATCH || !iterator.hasNext()) {
          changes += write(workspace, live, batch, now);
          done += batch.size();
          batch.clear();
          if (!progress.after(done, Math.max(total, done), changes)) {
            return false;
          }
        }
      }
    }
    return progress.after(done, done, changes);
  }

  private int write(
      String workspace, LiveModels.Live live, List<ContactHistory> batch, Instant now) {
    List<ContactHistory> rows = List.copyOf(batch);
    return transactions.inTransaction(
        () -> materialiser.materialise(workspace, live, rows, now).tierChanges());
  }

  /** Named figures for a job's counts. */
  public static Map<String, Long> counts(long contacts, long tierChanges) {
    return Map.of("contacts", contacts, "tierChanges", tierChanges);
  }
}
