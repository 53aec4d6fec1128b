package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.NewEvent;
import io.leadscore.domain.event.Event;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Events in the {@code events} table, unique per (workspace, event key). A row names its contact by
 * the contact's {@code seq}, which keeps the table lean and lets a history be read straight off the
 * index {@code (workspace_id, contact_seq, occurred_at, event_key)}.
 *
 * <p>Appending is idempotent and tells, per event, whether this call stored it: events are sent
 * with {@code INSERT .. ON CONFLICT DO NOTHING}, whose per-row count is 1 or 0, and a concurrent
 * transaction inserting the same key makes ours wait for its outcome. On H2 that is a JDBC batch.
 * On PostgreSQL the events are {@code COPY}'d into a temporary staging table and moved with one
 * {@code INSERT .. SELECT .. ON CONFLICT DO NOTHING RETURNING event_key}, which names the stored
 * ones (quality.md, db-ingest: measured against a raw {@code COPY}). Of several events of one call
 * with the same key, the first is the one offered.
 *
 * <p>Histories come in the engine's order, {@link Event#ORDER}: the index gives it (on PostgreSQL
 * {@code event_key} is collated "C", migration V1.1, so keys compare by code point), and each
 * history is also sorted in Java, which costs nothing on sorted input and makes the order exactly
 * the engine's even where UTF-16 and code-point order differ. Thread-safe.
 */
public final class JdbiEventStore implements EventStore {
  private static final String SEQS =
      "SELECT id, seq FROM contacts WHERE workspace_id = :workspace AND id = ANY(:ids)";
  private static final String INSERT =
      """
      INSERT INTO events
        (workspace_id, event_key, contact_seq, type, occurred_at, properties, source, received_at)
      VALUES
        (:workspace, :eventKey, :contactSeq, :type, :occurredAt, :properties, :source, :receivedAt)
      ON CONFLICT DO NOTHING
      """;
  // ON COMMIT DELETE ROWS: the staging rows never outlive the transaction that copied them
  private static final String CREATE_STAGING =
      """
      CREATE TEMPORARY TABLE IF NOT EXISTS events_staging (
        event_key TEXT, contact_seq BIGINT, type TEXT, occurred_at TIMESTAMP WITH TIME ZONE,
        properties TEXT, source TEXT
      ) ON COMMIT DELETE ROWS
      """;
  private static final String COPY_STAGING =
      """
      COPY events_staging (event_key, contact_seq, type, occurred_at, properties, source)
      FROM STDIN WITH (FORMAT csv)
      """;
  private static final String MOVE_STAGING =
      """
      INSERT INTO events
        (workspace_id, event_key, contact_seq, type, occurred_at, properties, source, received_at)
      SELECT :workspace, event_key, contact_seq, type, occurred_at, properties, source, :receivedAt
      FROM events_staging
      ON CONFLICT DO NOTHING
      RETURNING event_key
      """;
  private static final String CLEAR_STAGING = "DELETE FROM events_staging";
  private static final String HISTORY =
      """
      SELECT e.event_key, e.type, e.occurred_at, e.properties
      FROM contacts c
      JOIN events e ON e.workspace_id = c.workspace_id AND e.contact_seq = c.seq
      WHERE c.workspace_id = :workspace AND c.id = :id
      ORDER BY e.occurred_at, e.event_key
      """;
  private static final String ALL_HISTORIES =
      "SELECT "
          + ContactRow.C_COLUMNS
          + """
          , e.event_key, e.type, e.occurred_at, e.properties
          FROM contacts c
          LEFT JOIN events e ON e.workspace_id = c.workspace_id AND e.contact_seq = c.seq
          WHERE c.workspace_id = :workspace
          ORDER BY c.seq, e.occurred_at, e.event_key
          """;
  private static final String ALL_EXTERNAL_IDS =
      """
      SELECT c.seq, x.source, x.external_id
      FROM contact_external_ids x
      JOIN contacts c ON c.workspace_id = x.workspace_id AND c.id = x.contact_id
      WHERE x.workspace_id = :workspace
      ORDER BY c.seq
      """;
  private static final String CONTACTS =
      "SELECT "
          + ContactRow.COLUMNS
          + " FROM contacts WHERE workspace_id = :workspace AND id = ANY(:ids)";
  private static final String EVENTS_OF =
      """
      SELECT contact_seq, event_key, type, occurred_at, properties FROM events
      WHERE workspace_id = :workspace AND contact_seq = ANY(:seqs)
      ORDER BY contact_seq, occurred_at, event_key
      """;
  private static final String EXTERNAL_IDS_OF =
      """
      SELECT contact_id, source, external_id FROM contact_external_ids
      WHERE workspace_id = :workspace AND contact_id = ANY(:ids)
      """;
  private static final String ERASE =
      """
      DELETE FROM events WHERE workspace_id = :workspace
        AND contact_seq = (SELECT seq FROM contacts WHERE workspace_id = :workspace AND id = :id)
      """;

  /** Rows fetched per round trip by the streaming cursors. */
  private static final int FETCH_SIZE = 1_000;

  private static final RowMapper<Event> EVENT =
      (row, context) ->
          new Event(
              row.getString("event_key"),
              row.getString("type"),
              instant(row, "occurred_at"),
              JsonCodec.values(row.getString("properties")));

  private final JdbiTransactions transactions;
  private final boolean copyOnPostgres;

  /** Events through these transactions; on PostgreSQL appends go through {@code COPY}. */
  public JdbiEventStore(JdbiTransactions transactions) {
    this(transactions, true);
  }

  /** With {@code copyOnPostgres} false, PostgreSQL appends take H2's JDBC batch path. */
  JdbiEventStore(JdbiTransactions transactions, boolean copyOnPostgres) {
    this.transactions = transactions;
    this.copyOnPostgres = copyOnPostgres;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when an event's contact does not exist in the workspace
   */
  @Override
  public boolean[] append(String workspace, List<NewEvent> events, Instant receivedAt) {
    boolean[] stored = new boolean[events.size()];
    if (events.isEmpty()) {
      return stored;
    }
    // the first event of each key in this call; later ones with its key are duplicates
    var firstOfKey = new HashMap<String, Integer>(events.size() * 2);
    var offered = new ArrayList<Integer>(events.size());
    var contactIds = new LinkedHashSet<String>();
    for (int i = 0; i < events.size(); i++) {
      NewEvent event = events.get(i);
      if (firstOfKey.putIfAbsent(event.event().eventKey(), i) == null) {
        offered.add(i);
        contactIds.add(event.contactId());
      }
    }
    // rows go in key order: two appends of overlapping keys then take their row locks in the same
    // order and wait for each other instead of deadlocking
    offered.sort(Comparator.comparing(index -> events.get(index).event().eventKey()));
    boolean joined = transactions.active();
    transactions.transactionally(
        handle -> {
          Map<String, Long> seqs = seqs(handle, workspace, contactIds);
          if (copyOnPostgres && transactions.vendor() == Vendor.POSTGRESQL) {
            for (String key : copy(handle, workspace, events, offered, seqs, receivedAt, joined)) {
              stored[firstOfKey.get(key)] = true;
            }
          } else {
            int[] counts = batch(handle, workspace, events, offered, seqs, receivedAt);
            for (int j = 0; j < counts.length; j++) {
              if (counts[j] < 0) {
                throw new IllegalStateException("the driver did not report per-row counts");
              }
              stored[offered.get(j)] = counts[j] > 0;
            }
          }
          return null;
        });
    return stored;
  }

  private static Map<String, Long> seqs(
      Handle handle, String workspace, Collection<String> contactIds) {
    var seqs = new HashMap<String, Long>(contactIds.size() * 2);
    handle
        .createQuery(SEQS)
        .bind("workspace", workspace)
        .bindArray("ids", String.class, contactIds)
        .map((row, context) -> seqs.put(row.getString("id"), row.getLong("seq")) == null)
        .forEach(added -> {});
    if (seqs.size() != contactIds.size()) {
      var unknown = new ArrayList<>(contactIds);
      unknown.removeAll(seqs.keySet());
      throw new IllegalArgumentException(
          "unknown contacts in workspace " + workspace + ": " + unknown);
    }
    return seqs;
  }

  private static int[] batch(
      Handle handle,
      String workspace,
      List<NewEvent> events,
      List<Integer> offered,
      Map<String, Long> seqs,
      Instant receivedAt) {
    PreparedBatch batch = handle.prepareBatch(INSERT);
    for (int index : offered) {
      NewEvent event = events.get(index);
      batch
          .bind("workspace", workspace)
          .bind("eventKey", event.event().eventKey())
          .bind("contactSeq", seqs.get(event.contactId()))
          .bind("type", event.event().type())
          .bind("occurredAt", timestamp(event.event().occurredAt()))
          .bind("properties", JsonCodec.values(event.event().properties()))
          .bind("source", event.source())
          .bind("receivedAt", timestamp(receivedAt))
          .add();
    }
    return batch.execute();
  }

  private static List<String> copy(
      Handle handle,
      String workspace,
      List<NewEvent> events,
      List<Integer> offered,
      Map<String, Long> seqs,
      Instant receivedAt,
      boolean joined) {
    handle.execute(CREATE_STAGING);
    var csv = new StringBuilder(offered.size() * 128);
    for (int index : offered) {
      NewEvent event = events.get(index);
      CsvCopy.quoted(csv, event.event().eventKey()).append(',');
      csv.append(seqs.get(event.contactId())).append(',');
      CsvCopy.quoted(csv, event.event().type()).append(',');
      csv.append(Columns.stored(event.event().occurredAt())).append(',');
      CsvCopy.quotedOrNull(csv, JsonCodec.values(event.event().properties())).append(',');
      CsvCopy.quoted(csv, event.source()).append('\n');
    }
    CsvCopy.copyIn(handle, COPY_STAGING, csv);
    List<String> storedKeys =
        handle
            .createQuery(MOVE_STAGING)
            .bind("workspace", workspace)
            .bind("receivedAt", timestamp(receivedAt))
            .mapTo(String.class)
            .list();
    if (joined) {
      // the caller's transaction goes on: a later append in it must find the table empty
      handle.execute(CLEAR_STAGING);
    }
    return storedKeys;
  }

  @Override
  public List<Event> history(String workspace, String contactId) {
    List<Event> events =
        transactions.withHandle(
            handle ->
                handle
                    .createQuery(HISTORY)
                    .bind("workspace", workspace)
                    .bind("id", contactId)
                    .map(EVENT)
                    .list());
    return inEngineOrder(events);
  }

  private static List<Event> inEngineOrder(List<Event> events) {
    var sorted = new ArrayList<>(events);
    sorted.sort(Event.ORDER);
    return sorted;
  }

  @Override
  public Stream<ContactHistory> histories(String workspace) {
    return transactions.stream(
        handle -> {
          var rows =
              handle
                  .createQuery(ALL_HISTORIES)
                  .bind("workspace", workspace)
                  .setFetchSize(FETCH_SIZE)
                  .map(new HistoryRowMapper())
                  .iterator();
          ResultIterator<SeqExternalId> externalIds;
          try {
            externalIds =
                handle
                    .createQuery(ALL_EXTERNAL_IDS)
                    .bind("workspace", workspace)
                    .setFetchSize(FETCH_SIZE)
                    .map(
                        (row, context) ->
                            new SeqExternalId(
                                row.getLong("seq"),
                                new ExternalId(
                                    row.getString("source"), row.getString("external_id"))))
                    .iterator();
          } catch (RuntimeException e) {
            rows.close();
            throw e;
          }
          var cursor = new HistoryCursor(rows, externalIds);
          return StreamSupport.stream(
                  Spliterators.spliteratorUnknownSize(
                      cursor, Spliterator.ORDERED | Spliterator.NONNULL),
                  false)
              .onClose(cursor::close);
        });
  }

  /** A row of the history stream; {@code contact} is null when it repeats the previous row's. */
  private record HistoryRow(long seq, ContactRow contact, Event event) {}

  private record SeqExternalId(long seq, ExternalId externalId) {}

  /**
   * Maps the joined rows of one stream, parsing a contact's columns only on its first row (one
   * mapper per stream: it remembers the last contact).
   */
  private static final class HistoryRowMapper implements RowMapper<HistoryRow> {
    private long lastSeq = Long.MIN_VALUE;

    @Override
    public HistoryRow map(java.sql.ResultSet row, org.jdbi.v3.core.statement.StatementContext ctx)
        throws SQLException {
      long seq = row.getLong("seq");
      ContactRow contact = seq == lastSeq ? null : ContactRow.MAPPER.map(row, ctx);
      lastSeq = seq;
      Event event = row.getString("event_key") == null ? null : EVENT.map(row, ctx);
      return new HistoryRow(seq, contact, event);
    }
  }

  /** Groups the rows of the history cursor by contact, merging the external-id cursor in. */
  private static final class HistoryCursor
      implements java.util.Iterator<ContactHistory>, AutoCloseable {
    private final ResultIterator<HistoryRow> rows;
    private final ResultIterator<SeqExternalId> externalIds;
    private HistoryRow pending;
    private SeqExternalId pendingExternalId;

    HistoryCursor(ResultIterator<HistoryRow> rows, ResultIterator<SeqExternalId> externalIds) {
      this.rows = rows;
      this.externalIds = externalIds;
    }

    @Override
    public boolean hasNext() {
      return pending != null || rows.hasNext();
    }

    @Override
    public ContactHistory next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      HistoryRow head = pending != null ? pending : rows.next();
      pending = null;
      var events = new ArrayList<Event>();
      if (head.event() != null) {
        events.add(head.event());
      }
      while (rows.hasNext()) {
        HistoryRow row = rows.next();
        if (row.seq() != head.seq()) {
          pending = row;
          break;
        }
        events.add(row.event());
      }
      events.sort(Event.ORDER);
      return new ContactHistory(
          head.contact().record(externalIdsOf(head.seq())), events, head.contact().revision());
    }

    /** The external ids of this contact; skips those of contacts the main cursor did not see. */
    private List<ExternalId> externalIdsOf(long seq) {
      var found = new ArrayList<ExternalId>(1);
      while (pendingExternalId != null || externalIds.hasNext()) {
        SeqExternalId next = pendingExternalId != null ? pendingExternalId : externalIds.next();
        pendingExternalId = null;
        if (next.seq() > seq) {
          pendingExternalId = next;
          break;
        }
        if (next.seq() == seq) {
          found.add(next.externalId());
        }
      }
      return found;
    }

    @Override
    public void close() {
      try {
        rows.close();
      } finally {
        externalIds.close();
      }
    }
  }

  @Override
  public List<ContactHistory> histories(String workspace, List<String> contactIds) {
    if (contactIds.isEmpty()) {
      return List.of();
    }
    var distinctIds = new LinkedHashSet<>(contactIds);
    return transactions.withHandle(
        handle -> {
          List<ContactRow> contacts =
              handle
                  .createQuery(CONTACTS)
                  .bind("workspace", workspace)
                  .bindArray("ids", String.class, distinctIds)
                  .map(ContactRow.MAPPER)
                  .list();
          if (contacts.isEmpty()) {
            return List.<ContactHistory>of();
          }
          var eventsBySeq = new HashMap<Long, List<Event>>();
          handle
              .createQuery(EVENTS_OF)
              .bind("workspace", workspace)
              .bindArray("seqs", Long.class, contacts.stream().map(ContactRow::seq).toList())
              .map(
                  (row, context) -> {
                    eventsBySeq
                        .computeIfAbsent(row.getLong("contact_seq"), seq -> new ArrayList<>())
                        .add(EVENT.map(row, context));
                    return Boolean.TRUE;
                  })
              .forEach(added -> {});
          var externalIdsById = new HashMap<String, List<ExternalId>>();
          handle
              .createQuery(EXTERNAL_IDS_OF)
              .bind("workspace", workspace)
              .bindArray("ids", String.class, contacts.stream().map(ContactRow::id).toList())
              .map(
                  (row, context) ->
                      externalIdsById
                          .computeIfAbsent(row.getString("contact_id"), id -> new ArrayList<>())
                          .add(
                              new ExternalId(
                                  row.getString("source"), row.getString("external_id"))))
              .forEach(added -> {});
          var histories = new ArrayList<ContactHistory>(contacts.size());
          for (ContactRow contact : contacts) {
            histories.add(
                new ContactHistory(
                    contact.record(externalIdsById.getOrDefault(contact.id(), List.of())),
                    inEngineOrder(eventsBySeq.getOrDefault(contact.seq(), List.of())),
                    contact.revision()));
          }
          return histories;
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Events name their contact by its {@code seq}, found through the contact's row: erase the
   * events before the contact itself ({@code ContactRepository.erase}), in one transaction.
   */
  @Override
  public int eraseContact(String workspace, String contactId) {
    return transactions.withHandle(
        handle ->
            handle
                .createUpdate(ERASE)
                .bind("workspace", workspace)
                .bind("id", contactId)
                .execute());
  }
}
