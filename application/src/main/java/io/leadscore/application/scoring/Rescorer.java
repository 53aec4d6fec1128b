package io.leadscore.application.scoring;

import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Re-scores every contact of a workspace under one live model: streams histories through a cursor
 * (one contact in memory at a time), scores each at one instant, writes rows in batches of {@value
 * #BATCH}, each batch its own transaction, written on a writer thread while the next batch is read.
 * Reports progress after each batch; stops early when told to (a lost job lease).
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
      ScoreRefreshQueue refreshQueue,
      LiveModels liveModels,
      Clock clock) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.events = events;
    this.materialiser = new ScoreMaterialiser(contacts, scores, notifier, refreshQueue, liveModels);
    this.clock = clock;
  }

  /**
   * Re-scores the workspace; returns false when {@code progress} asked to stop.
   *
   * <p>Reading and writing overlap: while one batch is scored and written on a writer thread (its
   * own transaction), the next is read from the cursor on this one. At most two batches are in
   * memory besides the cursor's buffer, so memory stays flat; a failed write stops the reading and
   * its exception propagates.
   *
   * @param live the version to score with
   */
  public boolean rescore(String workspace, LiveModels.Live live, Progress progress) {
    long total = contacts.count(workspace);
    Instant now = clock.instant();
    long done = 0;
    long changes = 0;
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            work -> {
              Thread thread = new Thread(work, "rescore-writer");
              thread.setDaemon(true);
              return thread;
            });
    Future<Integer> pending = null;
    int pendingSize = 0;
    try (Stream<ContactHistory> histories = events.histories(workspace)) {
      var iterator = histories.iterator();
      var batch = new ArrayList<ContactHistory>(BATCH);
      while (iterator.hasNext()) {
        batch.add(iterator.next());
        if (batch.size() == BATCH || !iterator.hasNext()) {
          List<ContactHistory> rows = List.copyOf(batch);
          batch.clear();
          if (pending != null) {
            changes += finished(pending);
            done += pendingSize;
            if (!progress.after(done, Math.max(total, done), changes)) {
              return false;
            }
          }
          pending = writer.submit(() -> write(workspace, live, rows, now));
          pendingSize = rows.size();
        }
      }
      if (pending != null) {
        changes += finished(pending);
        done += pendingSize;
        pending = null;
      }
    } finally {
      if (pending != null) {
        pending.cancel(false); // stopping early: the batch in flight may still commit, harmlessly
      }
      writer.shutdown();
    }
    return progress.after(done, done, changes);
  }

  /** Waits for a batch's write; its failure is rethrown as it was thrown. */
  private static int finished(Future<Integer> write) {
    try {
      return write.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while re-scoring", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("re-score write failed", e.getCause());
    }
  }

  private int write(
      String workspace, LiveModels.Live live, List<ContactHistory> batch, Instant now) {
    return transactions.inTransaction(
        () -> materialiser.materialise(workspace, live, batch, now).tierChanges());
  }

  /** Named figures for a job's counts. */
  public static Map<String, Long> counts(long contacts, long tierChanges) {
    return Map.of("contacts", contacts, "tierChanges", tierChanges);
  }
}
