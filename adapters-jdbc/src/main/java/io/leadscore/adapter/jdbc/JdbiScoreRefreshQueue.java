package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * The refresh queue in {@code score_refresh_queue}, one row per stale contact.
 *
 * <p>Marking inserts the rows ({@code ON CONFLICT DO NOTHING}, one multi-row {@code VALUES}
 * statement per {@value #ROWS_PER_INSERT} contacts) and then locks them with {@code SELECT .. FOR
 * UPDATE}, so the marking transaction holds every marked row, new or already queued, until it ends.
 * A claimer's {@code FOR UPDATE SKIP LOCKED} passes over them: it cannot take a contact whose
 * change it could not yet see. Locking rather than rewriting {@code marked_at} keeps the time a
 * contact first became stale, so a contact marked over and over keeps its place in the queue
 * instead of being pushed back. Rows are inserted and locked in id order, so two markers of
 * overlapping contacts cannot deadlock. Thread-safe.
 */
public final class JdbiScoreRefreshQueue implements ScoreRefreshQueue {
  private static final String INSERT =
      "INSERT INTO score_refresh_queue (workspace_id, contact_id, marked_at) VALUES ";

  /** Contacts per insert statement: 3 binds each, well under either database's bind limit. */
  private static final int ROWS_PER_INSERT = 1_000;

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
    var sorted = new TreeSet<>(contactIds);
    transactions.transactionally(
        handle -> {
          // one statement per chunk rather than a statement per contact; rows go in sorted order
          var contacts = List.copyOf(sorted);
          for (int from = 0; from < contacts.size(); from += ROWS_PER_INSERT) {
            List<String> chunk =
                contacts.subList(from, Math.min(from + ROWS_PER_INSERT, contacts.size()));
            Update insert = handle.createUpdate(insertOf(chunk.size()));
            insert.bind("workspace", workspace).bind("at", timestamp(at));
            for (int i = 0; i < chunk.size(); i++) {
              insert.bind("contact" + i, chunk.get(i));
            }
            insert.execute();
          }
          handle
              .createQuery(LOCK)
              .bind("workspace", workspace)
              .bindArray("contacts", String.class, sorted)
              .mapTo(String.class)
              .list();
          return null;
        });
  }

  /** {@code INSERT .. VALUES} of {@code rows} rows, {@code ON CONFLICT DO NOTHING}. */
  private static String insertOf(int rows) {
    var sql = new StringBuilder(INSERT.length() + rows * 32).append(INSERT);
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append("(:workspace, :contact").append(i).append(", :at)");
    }
    return sql.append(" ON CONFLICT DO NOTHING").toString();
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
