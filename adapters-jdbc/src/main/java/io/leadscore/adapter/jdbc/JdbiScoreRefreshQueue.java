package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.StorageUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The refresh queue in {@code score_refresh_queue}, one row per stale contact.
 *
 * <p>Marking makes the marking transaction hold every marked row, new or already queued, until it
 * ends. A claimer's {@code FOR UPDATE SKIP LOCKED} passes over them: it cannot take a contact whose
 * change it could not yet see. Holding rather than rewriting {@code marked_at} keeps the time a
 * contact first became stale, so a contact marked over and over keeps its place in the queue
 * instead of being pushed back. Rows are taken in id order, so two markers of overlapping contacts
 * cannot deadlock.
 *
 * <p>On PostgreSQL one {@code INSERT .. ON CONFLICT DO UPDATE} over an {@code UNNEST} of the ids
 * inserts or locks each row; a row a refresh has claimed (deleted, not yet committed) makes it wait
 * and then insert anew. H2 has no {@code DO UPDATE}, and its {@code ON CONFLICT DO NOTHING} does
 * not wait for the claimer: it sees the row and does nothing. There, marking inserts, locks with
 * {@code SELECT .. FOR UPDATE}, and repeats for any row the lock did not find, or the refresh that
 * claimed it (and could not see this change) would lose the change. Thread-safe.
 */
public final class JdbiScoreRefreshQueue implements ScoreRefreshQueue {
  private static final String INSERT =
      """
      INSERT INTO score_refresh_queue (workspace_id, contact_id, marked_at)
      SELECT :workspace, c.id, :at FROM UNNEST(:contacts) AS c(id)
      ON CONFLICT DO NOTHING
      """;

  /** H2: insert-and-lock rounds before the database counts as busy. */
  private static final int MAX_MARK_ROUNDS = 8;

  /** Contacts per insert statement: 3 binds each, well under either database's bind limit. */
  /** PostgreSQL: inserts a new row or locks the queued one (keeping its time), one pass. */
  private static final String UPSERT_POSTGRES =
      """
      INSERT INTO score_refresh_queue (workspace_id, contact_id, marked_at)
      SELECT :workspace, c.id, :at FROM UNNEST(:contacts) AS c(id)
      ON CONFLICT (workspace_id, contact_id) DO UPDATE
      SET marked_at = score_refresh_queue.marked_at
      """;

  private static final String LOCK =
      """
      SELECT contact_id FROM score_refresh_queue
      WHERE workspace_id = :workspace AND contact_id = ANY(:contacts)
      ORDER BY contact_id
      FOR UPDATE
      """;

  /** Workspaces in the order a refresh round visits them: the longest-waiting first. */
  private static final String DUE_WORKSPACES =
      """
      SELECT workspace_id FROM score_refresh_queue
      WHERE marked_at <= :before
      GROUP BY workspace_id
      ORDER BY MIN(marked_at), workspace_id
      LIMIT :limit
      """;

  private static final String CLAIM =
      """
      SELECT contact_id FROM score_refresh_queue
      WHERE workspace_id = :workspace AND marked_at <= :before
      ORDER BY marked_at
      LIMIT :limit
      FOR UPDATE SKIP LOCKED
      """;

  private static final String DELETE =
      "DELETE FROM score_refresh_queue WHERE workspace_id = :workspace AND contact_id = :contact";
  private static final String SIZE = "SELECT COUNT(*) FROM score_refresh_queue";

  private final JdbiTransactions transactions;

  /** The queue through these transactions. */
  public JdbiScoreRefreshQueue(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void mark(String workspace, Collection<String> contactIds, Instant at) {
    if (contactIds.isEmpty()) {
      return;
    }
    var sorted = new TreeSet<>(contactIds);
    transactions.transactionally(
        handle -> {
          if (transactions.vendor() == Vendor.POSTGRESQL) {
            // insert or lock each row in one pass, in id order; waits for a claimer's delete
            handle
                .createUpdate(UPSERT_POSTGRES)
                .bind("workspace", workspace)
                .bind("at", timestamp(at))
                .bindArray("contacts", String.class, sorted)
                .execute();
          } else {
            markOnH2(handle, workspace, sorted, at);
          }
          return null;
        });
  }

  /**
   * Inserts and locks until every contact is held. A row missing after the lock was claimed (and
   * deleted) by a refresh that could not see this change, or is another marker's insert not yet
   * committed; both resolve within moments, so a few rounds with a short pause suffice, and beyond
   * them the database counts as busy (the transaction rolls back; the client retries).
   */
  private static void markOnH2(
      Handle handle, String workspace, TreeSet<String> pending, Instant at) {
    for (int round = 1; !pending.isEmpty(); round++) {
      if (round > MAX_MARK_ROUNDS) {
        throw new StorageUnavailableException(
            "could not hold the refresh marks of " + pending.size() + " contacts", null);
      }
      if (round > 1) {
        LockSupport.parkNanos(Duration.ofMillis(5L * round).toNanos());
      }
      // one statement with one array bind (no SQL to build or parse per call); sorted order
      handle
          .createUpdate(INSERT)
          .bind("workspace", workspace)
          .bind("at", timestamp(at))
          .bindArray("contacts", String.class, pending)
          .execute();
      handle
          .createQuery(LOCK)
          .bind("workspace", workspace)
          .bindArray("contacts", String.class, pending)
          .mapTo(String.class)
          .forEach(pending::remove);
    }
  }

  @Override
  public List<String> dueWorkspaces(int limit, Instant markedBefore) {
    if (limit <= 0) {
      return List.of();
    }
    return transactions.withHandle(
        handle ->
            handle
                .createQuery(DUE_WORKSPACES)
                .bind("limit", limit)
                .bind("before", timestamp(markedBefore))
                .mapTo(String.class)
                .list());
  }

  @Override
  public List<String> claim(String workspace, int limit, Instant markedBefore) {
    if (limit <= 0) {
      return List.of();
    }
    return transactions.transactionally(
        handle -> {
          List<String> claimed =
              handle
                  .createQuery(CLAIM)
                  .bind("workspace", workspace)
                  .bind("limit", limit)
                  .bind("before", timestamp(markedBefore))
                  .mapTo(String.class)
                  .list();
          if (!claimed.isEmpty()) {
            PreparedBatch delete = handle.prepareBatch(DELETE);
            for (String contact : claimed) {
              delete.bind("workspace", workspace).bind("contact", contact).add();
            }
            delete.execute();
          }
          return claimed;
        });
  }

  @Override
  public void forget(String workspace, String contactId) {
    transactions.transactionally(
        handle ->
            handle
                .createUpdate(DELETE)
                .bind("workspace", workspace)
                .bind("contact", contactId)
                .execute());
  }

  @Override
  public long size() {
    return transactions.withHandle(handle -> handle.createQuery(SIZE).mapTo(Long.class).one());
  }
}
