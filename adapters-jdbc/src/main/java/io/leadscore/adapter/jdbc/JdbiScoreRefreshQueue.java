package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The refresh queue in {@code score_refresh_queue}, one row per stale contact.
 *
 * <p>Marking inserts the rows ({@code ON CONFLICT DO NOTHING}, one statement over an {@code UNNEST}
 * of the ids, accepted by H2 and PostgreSQL alike) and then locks them with {@code SELECT .. FOR
 * UPDATE}, so the marking transaction holds every marked row, new or already queued, until it ends.
 * A claimer's {@code FOR UPDATE SKIP LOCKED} passes over them: it cannot take a contact whose
 * change it could not yet see. Locking rather than rewriting {@code marked_at} keeps the time a
 * contact first became stale, so a contact marked over and over keeps its place in the queue
 * instead of being pushed back. Rows are inserted and locked in id order, so two markers of
 * overlapping contacts cannot deadlock.
 *
 * <p>A queued row that a refresh claimed (and deleted) before the lock is gone when the lock
 * returns: H2 does not make the insert wait for the claiming transaction as PostgreSQL does, it
 * sees the row and does nothing (and on PostgreSQL the claim can fall between the two statements).
 * Such contacts are inserted and locked again until every one is held; otherwise the refresh, which
 * could not see this transaction's change, would lose it. Thread-safe.
 */
public final class JdbiScoreRefreshQueue implements ScoreRefreshQueue {
  private static final String INSERT =
      """
      INSERT INTO score_refresh_queue (workspace_id, contact_id, marked_at)
      SELECT :workspace, c.id, :at FROM UNNEST(:contacts) AS c(id)
      ON CONFLICT DO NOTHING
      """;

  /**
   * Insert-and-lock rounds before giving up; each round past the first follows a refresh that
   * committed, so more than two means other markers keep winning the re-insert.
   */
  private static final int MAX_MARK_ROUNDS = 10;

  /** Contacts per insert statement: 3 binds each, well under either database's bind limit. */
  private static final String LOCK =
      """
      SELECT contact_id FROM score_refresh_queue
      WHERE workspace_id = :workspace AND contact_id = ANY(:contacts)
      ORDER BY contact_id
      FOR UPDATE
      """;

  private static final String CLAIM =
      """
      SELECT workspace_id, contact_id FROM score_refresh_queue
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
    var pending = new TreeSet<>(contactIds);
    transactions.transactionally(
        handle -> {
          for (int round = 1; !pending.isEmpty(); round++) {
            if (round > MAX_MARK_ROUNDS) {
              throw new IllegalStateException(
                  "could not hold the refresh marks of " + pending + " after " + MAX_MARK_ROUNDS);
            }
            // one statement with one array bind (no SQL to build or parse per call); sorted order
            handle
                .createUpdate(INSERT)
                .bind("workspace", workspace)
                .bind("at", timestamp(at))
                .bindArray("contacts", String.class, pending)
                .execute();
            List<String> locked =
                handle
                    .createQuery(LOCK)
                    .bind("workspace", workspace)
                    .bindArray("contacts", String.class, pending)
                    .mapTo(String.class)
                    .list();
            // a row missing now was claimed (and deleted) by a refresh that committed while this
            // transaction waited for its lock; that refresh could not see this change: queue again
            locked.forEach(pending::remove);
          }
          return null;
        });
  }

  @Override
  public List<ContactRef> claim(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return transactions.transactionally(
        handle -> {
          List<ContactRef> claimed =
              handle
                  .createQuery(CLAIM)
                  .bind("limit", limit)
                  .map(
                      (row, context) ->
                          new ContactRef(
                              row.getString("workspace_id"), row.getString("contact_id")))
                  .list();
          if (!claimed.isEmpty()) {
            PreparedBatch delete = handle.prepareBatch(DELETE);
            for (ContactRef ref : claimed) {
              delete.bind("workspace", ref.workspace()).bind("contact", ref.contactId()).add();
            }
            delete.execute();
          }
          return claimed;
        });
  }

  @Override
  public long size() {
    return transactions.withHandle(handle -> handle.createQuery(SIZE).mapTo(Long.class).one());
  }
}
