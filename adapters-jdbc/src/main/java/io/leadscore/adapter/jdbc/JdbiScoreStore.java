package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.LeaderboardFilter;
import io.leadscore.application.port.out.LeaderboardPosition;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.ScoreStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Materialised scores in {@code scores}, with each interested topic in {@code score_topics}.
 *
 * <p>The leaderboard is keyset-paginated in (score DESC, contact_id ASC) order, each filter shape
 * served by an index in that order (migration V1). The position test is written so that both
 * databases start the index range scan at the position: {@code score <= :s AND (score < :s OR
 * contact_id > :c)}, where the first term bounds the scan and the second drops the few rows tied at
 * {@code :s} that came before. A topic filter reads {@code score_topics}, which carries a copy of
 * the score for exactly that purpose. Contact ids compare by code point on both databases (collated
 * "C" on PostgreSQL, migration V1.1).
 *
 * <p>{@link #put} writes rows in key order, so that two puts of overlapping contacts take their row
 * locks in the same order and cannot deadlock, and two transactions writing the same row serialise
 * on its lock instead of failing. On H2 it upserts without MERGE: a batch of {@code INSERT .. ON
 * CONFLICT DO NOTHING}, then an {@code UPDATE} batch for the rows that existed, then batches
 * replacing their topics. On PostgreSQL the rows are {@code COPY}'d into a temporary staging table
 * and moved with one {@code INSERT .. SELECT .. ON CONFLICT (key) DO UPDATE}; the topics are
 * replaced by one {@code DELETE .. USING} the staging table and one {@code INSERT .. SELECT} that
 * unpacks each staged row's topics array: a constant number of statements per put instead of
 * several per row (quality.md, rescore). Thread-safe.
 */
public final class JdbiScoreStore implements ScoreStore {
  private static final String COLUMNS =
      """
      s.contact_id, s.model_id, s.model_version, s.score, s.fit, s.engagement, s.tier, s.grade,
      s.topics, s.top_rules, s.computed_at, s.refresh_at, s.contact_revision""";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + """
           FROM scores s
          WHERE s.workspace_id = :workspace AND s.model_id = :model AND s.contact_id = :contact
          """;
  private static final String FIND_MANY =
      "SELECT "
          + COLUMNS
          + """
           FROM scores s
          WHERE s.workspace_id = :workspace AND s.model_id = :model AND s.contact_id = ANY(:contacts)
          """;
  // key order, as put writes: two lockers of overlapping rows wait instead of deadlocking
  private static final String LOCK_MANY =
      "SELECT "
          + COLUMNS
          + """
           FROM scores s
          WHERE s.workspace_id = :workspace AND s.model_id = :model AND s.contact_id = ANY(:contacts)
          ORDER BY s.contact_id
          FOR UPDATE
          """;
  private static final String ALL =
      "SELECT "
          + COLUMNS
          + " FROM scores s WHERE s.workspace_id = :workspace AND s.model_id = :model";
  private static final String INSERT =
      """
      INSERT INTO scores (workspace_id, model_id, contact_id, model_version, score, fit,
        engagement, tier, grade, topics, top_rules, computed_at, refresh_at, contact_revision)
      VALUES (:workspace, :model, :contact, :modelVersion, :score, :fit,
        :engagement, :tier, :grade, :topics, :topRules, :computedAt, :refreshAt, :revision)
      ON CONFLICT DO NOTHING
      """;
  private static final String UPDATE =
      """
      UPDATE scores SET model_version = :modelVersion, score = :score, fit = :fit,
        engagement = :engagement, tier = :tier, grade = :grade, topics = :topics,
        top_rules = :topRules, computed_at = :computedAt, refresh_at = :refreshAt,
        contact_revision = :revision
      WHERE workspace_id = :workspace AND model_id = :model AND contact_id = :contact
      """;
  private static final String DELETE_TOPICS =
      """
      DELETE FROM score_topics
      WHERE workspace_id = :workspace AND model_id = :model AND contact_id = :contact
      """;
  private static final String INSERT_TOPIC =
      """
      INSERT INTO score_topics (workspace_id, model_id, contact_id, topic, score)
      VALUES (:workspace, :model, :contact, :topic, :score)
      ON CONFLICT DO NOTHING
      """;
  // ON COMMIT DELETE ROWS: the staging rows never outlive the transaction that copied them.
  // contact_id is collated "C" as in scores (migration V1.1), so ORDER BY is code-point order
  private static final String CREATE_STAGING =
      """
      CREATE TEMPORARY TABLE IF NOT EXISTS scores_staging (
        model_id TEXT, contact_id TEXT COLLATE "C", model_version INTEGER, score DOUBLE PRECISION,
        fit DOUBLE PRECISION, engagement DOUBLE PRECISION, tier TEXT, grade TEXT, topics TEXT,
        top_rules TEXT, computed_at TIMESTAMP WITH TIME ZONE, refresh_at TIMESTAMP WITH TIME ZONE,
        contact_revision BIGINT
      ) ON COMMIT DELETE ROWS
      """;
  private static final String COPY_STAGING =
      """
      COPY scores_staging (model_id, contact_id, model_version, score, fit, engagement, tier,
        grade, topics, top_rules, computed_at, refresh_at, contact_revision)
      FROM STDIN WITH (FORMAT csv)
      """;
  // PostgreSQL only (ON CONFLICT with a target, DO UPDATE); ORDER BY keeps the key order of locks
  private static final String MOVE_STAGING =
      """
      INSERT INTO scores (workspace_id, model_id, contact_id, model_version, score, fit,
        engagement, tier, grade, topics, top_rules, computed_at, refresh_at, contact_revision)
      SELECT :workspace, model_id, contact_id, model_version, score, fit,
        engagement, tier, grade, topics, top_rules, computed_at, refresh_at, contact_revision
      FROM scores_staging
      ORDER BY model_id, contact_id
      ON CONFLICT (workspace_id, model_id, contact_id) DO UPDATE SET
        model_version = EXCLUDED.model_version, score = EXCLUDED.score, fit = EXCLUDED.fit,
        engagement = EXCLUDED.engagement, tier = EXCLUDED.tier, grade = EXCLUDED.grade,
        topics = EXCLUDED.topics, top_rules = EXCLUDED.top_rules,
        computed_at = EXCLUDED.computed_at, refresh_at = EXCLUDED.refresh_at,
        contact_revision = EXCLUDED.contact_revision
      """;
  private static final String DELETE_STAGED_TOPICS =
      """
      DELETE FROM score_topics t USING scores_staging s
      WHERE t.workspace_id = :workspace AND t.model_id = s.model_id AND t.contact_id = s.contact_id
      """;
  // topics holds the JSON array JsonCodec.strings wrote; json_array_elements_text unescapes it
  private static final String INSERT_STAGED_TOPICS =
      """
      INSERT INTO score_topics (workspace_id, model_id, contact_id, topic, score)
      SELECT :workspace, s.model_id, s.contact_id, t.topic, s.score
      FROM scores_staging s CROSS JOIN LATERAL json_array_elements_text(s.topics::json) AS t(topic)
      WHERE s.topics IS NOT NULL
      ORDER BY s.model_id, s.contact_id, t.topic
      ON CONFLICT DO NOTHING
      """;
  private static final String CLEAR_STAGING = "DELETE FROM scores_staging";
  private static final String ERASE_TOPICS =
      "DELETE FROM score_topics WHERE workspace_id = :workspace AND contact_id = :contact";
  private static final String ERASE =
      "DELETE FROM scores WHERE workspace_id = :workspace AND contact_id = :contact";
  private static final String DUE =
      """
      SELECT workspace_id, contact_id FROM scores
      WHERE refresh_at <= :now
      ORDER BY refresh_at
      LIMIT :limit
      """;

  private static final int FETCH_SIZE = 1_000;

  private static final RowMapper<MaterialisedScore> SCORE =
      (row, context) -> {
        Instant refreshAt = instant(row, "refresh_at");
        return new MaterialisedScore(
            row.getString("contact_id"),
            row.getString("model_id"),
            row.getInt("model_version"),
            row.getDouble("score"),
            row.getDouble("fit"),
            row.getDouble("engagement"),
            row.getString("tier"),
            row.getString("grade"),
            JsonCodec.strings(row.getString("topics")),
            JsonCodec.contributions(row.getString("top_rules")),
            instant(row, "computed_at"),
            refreshAt,
            row.getLong("contact_revision"));
      };

  private final JdbiTransactions transactions;
  private final boolean copyOnPostgres;

  /** Scores through these transactions; on PostgreSQL puts go through {@code COPY}. */
  public JdbiScoreStore(JdbiTransactions transactions) {
    this(transactions, true);
  }

  /** With {@code copyOnPostgres} false, PostgreSQL puts take H2's JDBC batch path. */
  JdbiScoreStore(JdbiTransactions transactions, boolean copyOnPostgres) {
    this.transactions = transactions;
    this.copyOnPostgres = copyOnPostgres;
  }

  @Override
  public Optional<MaterialisedScore> find(String workspace, String model, String contactId) {
    return transactions.withHandle(
        handle ->
            handle
                .createQuery(FIND)
                .bind("workspace", workspace)
                .bind("model", model)
                .bind("contact", contactId)
                .map(SCORE)
                .findOne());
  }

  @Override
  public Map<String, MaterialisedScore> find(
      String workspace, String model, Collection<String> contactIds) {
    if (contactIds.isEmpty()) {
      return Map.of();
    }
    return transactions.withHandle(
        handle -> scores(handle, FIND_MANY, workspace, model, new LinkedHashSet<>(contactIds)));
  }

  @Override
  public Map<String, MaterialisedScore> lock(
      String workspace, String model, Collection<String> contactIds) {
    if (contactIds.isEmpty()) {
      return Map.of();
    }
    // key order, so two lockers of overlapping sets never wait on each other in a cycle
    return transactions.transactionally(
        handle -> scores(handle, LOCK_MANY, workspace, model, new TreeSet<>(contactIds)));
  }

  /** The score rows {@code sql} selects for these contacts, by contact id. */
  private static Map<String, MaterialisedScore> scores(
      Handle handle, String sql, String workspace, String model, Collection<String> contactIds) {
    var found = new LinkedHashMap<String, MaterialisedScore>();
    handle
        .createQuery(sql)
        .bind("workspace", workspace)
        .bind("model", model)
        .bindArray("contacts", String.class, contactIds)
        .map(SCORE)
        .forEach(score -> found.put(score.contactId(), score));
    return found;
  }

  /** One batch of {@code INSERT .. ON CONFLICT DO NOTHING} in key order, then their topics. */
  @Override
  public Set<String> insertAbsent(String workspace, List<MaterialisedScore> scores) {
    if (scores.isEmpty()) {
      return Set.of();
    }
    var byKey = new LinkedHashMap<List<String>, MaterialisedScore>();
    for (MaterialisedScore score : scores) {
      byKey.put(List.of(score.model(), score.contactId()), score);
    }
    List<MaterialisedScore> rows =
        byKey.values().stream()
            .sorted(
                Comparator.comparing(MaterialisedScore::model)
                    .thenComparing(MaterialisedScore::contactId))
            .toList();
    return transactions.transactionally(
        handle -> {
          int[] counts = write(handle.prepareBatch(INSERT), workspace, rows);
          var inserted = new ArrayList<MaterialisedScore>();
          var ids = new LinkedHashSet<String>();
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              inserted.add(rows.get(i));
              ids.add(rows.get(i).contactId());
            }
          }
          insertTopics(handle, workspace, inserted);
          return ids;
        });
  }

  @Override
  public void put(String workspace, List<MaterialisedScore> scores) {
    if (scores.isEmpty()) {
      return;
    }
    // the last row of each key wins, and rows go in key order (no deadlock between two puts)
    var byKey = new LinkedHashMap<List<String>, MaterialisedScore>();
    for (MaterialisedScore score : scores) {
      byKey.put(List.of(score.model(), score.contactId()), score);
    }
    List<MaterialisedScore> rows =
        byKey.values().stream()
            .sorted(
                Comparator.comparing(MaterialisedScore::model)
                    .thenComparing(MaterialisedScore::contactId))
            .toList();
    boolean joined = transactions.active();
    transactions.transactionally(
        handle -> {
          if (copyOnPostgres && transactions.vendor() == Vendor.POSTGRESQL) {
            copy(handle, workspace, rows, joined);
          } else {
            batch(handle, workspace, rows);
          }
          return null;
        });
  }

  private static void batch(Handle handle, String workspace, List<MaterialisedScore> rows) {
    int[] inserted = write(handle.prepareBatch(INSERT), workspace, rows);
    var existing = new ArrayList<MaterialisedScore>();
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] == 0) {
        existing.add(rows.get(i));
      }
    }
    if (!existing.isEmpty()) {
      write(handle.prepareBatch(UPDATE), workspace, existing);
      PreparedBatch delete = handle.prepareBatch(DELETE_TOPICS);
      for (MaterialisedScore score : existing) {
        delete
            .bind("workspace", workspace)
            .bind("model", score.model())
            .bind("contact", score.contactId())
            .add();
      }
      delete.execute();
    }
    insertTopics(handle, workspace, rows);
  }

  private static void copy(
      Handle handle, String workspace, List<MaterialisedScore> rows, boolean joined) {
    handle.execute(CREATE_STAGING);
    var csv = new StringBuilder(rows.size() * 256);
    for (MaterialisedScore score : rows) {
      CsvCopy.quoted(csv, score.model()).append(',');
      CsvCopy.quoted(csv, score.contactId()).append(',');
      csv.append(score.modelVersion()).append(',');
      csv.append(score.score()).append(',');
      csv.append(score.fit()).append(',');
      csv.append(score.engagement()).append(',');
      // an unquoted empty field is NULL, a quoted one the empty string
      CsvCopy.quotedOrNull(csv, score.tier()).append(',');
      CsvCopy.quotedOrNull(csv, score.grade()).append(',');
      CsvCopy.quotedOrNull(csv, JsonCodec.strings(score.interestedTopics())).append(',');
      CsvCopy.quotedOrNull(csv, JsonCodec.contributions(score.topRules())).append(',');
      csv.append(Columns.stored(score.computedAt())).append(',');
      if (score.refreshAt() != null) {
        csv.append(Columns.stored(score.refreshAt()));
      }
      csv.append(',').append(score.contactRevision());
      csv.append('\n');
    }
    CsvCopy.copyIn(handle, COPY_STAGING, csv);
    handle.createUpdate(MOVE_STAGING).bind("workspace", workspace).execute();
    handle.createUpdate(DELETE_STAGED_TOPICS).bind("workspace", workspace).execute();
    handle.createUpdate(INSERT_STAGED_TOPICS).bind("workspace", workspace).execute();
    if (joined) {
      // the caller's transaction goes on: a later put in it must find the table empty
      handle.execute(CLEAR_STAGING);
    }
  }

  private static int[] write(PreparedBatch batch, String workspace, List<MaterialisedScore> rows) {
    for (MaterialisedScore score : rows) {
      batch
          .bind("workspace", workspace)
          .bind("model", score.model())
          .bind("contact", score.contactId())
          .bind("modelVersion", score.modelVersion())
          .bind("score", score.score())
          .bind("fit", score.fit())
          .bind("engagement", score.engagement())
          .bind("tier", score.tier())
          .bind("grade", score.grade())
          .bind("topics", JsonCodec.strings(score.interestedTopics()))
          .bind("topRules", JsonCodec.contributions(score.topRules()))
          .bind("computedAt", timestamp(score.computedAt()))
          .bind("refreshAt", timestamp(score.refreshAt()))
          .bind("revision", score.contactRevision())
          .add();
    }
    return batch.execute();
  }

  private static void insertTopics(Handle handle, String workspace, List<MaterialisedScore> rows) {
    PreparedBatch batch = handle.prepareBatch(INSERT_TOPIC);
    for (MaterialisedScore score : rows) {
      for (String topic : new LinkedHashSet<>(score.interestedTopics())) {
        batch
            .bind("workspace", workspace)
            .bind("model", score.model())
            .bind("contact", score.contactId())
            .bind("topic", topic)
            .bind("score", score.score())
            .add();
      }
    }
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  @Override
  public List<MaterialisedScore> leaderboard(
      String workspace, LeaderboardFilter filter, LeaderboardPosition after, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    // k is the table whose index gives the order: score_topics for a topic, else scores
    String key = filter.topic() == null ? "s" : "t";
    var sql = new StringBuilder("SELECT ").append(COLUMNS);
    if (filter.topic() == null) {
      sql.append(" FROM scores s WHERE s.workspace_id = :workspace AND s.model_id = :model");
    } else {
      sql.append(
          """
           FROM score_topics t
          JOIN scores s ON s.workspace_id = t.workspace_id AND s.model_id = t.model_id
            AND s.contact_id = t.contact_id
          WHERE t.workspace_id = :workspace AND t.model_id = :model AND t.topic = :topic""");
    }
    if (filter.tier() != null) {
      sql.append(" AND s.tier = :tier");
    }
    if (filter.grade() != null) {
      sql.append(" AND s.grade = :grade");
    }
    if (after != null) {
      sql.append(" AND ")
          .append(key)
          .append(".score <= :afterScore AND (")
          .append(key)
          .append(".score < :afterScore OR ")
          .append(key)
          .append(".contact_id > :afterContact)");
    }
    sql.append(" ORDER BY ")
        .append(key)
        .append(".score DESC, ")
        .append(key)
        .append(".contact_id LIMIT :limit");
    return transactions.withHandle(
        handle -> {
          Query query =
              handle
                  .createQuery(sql.toString())
                  .bind("workspace", workspace)
                  .bind("model", filter.model())
                  .bind("limit", limit);
          if (filter.topic() != null) {
            query.bind("topic", filter.topic());
          }
          if (filter.tier() != null) {
            query.bind("tier", filter.tier());
          }
          if (filter.grade() != null) {
            query.bind("grade", filter.grade());
          }
          if (after != null) {
            query.bind("afterScore", after.score()).bind("afterContact", after.contactId());
          }
          return query.map(SCORE).list();
        });
  }

  @Override
  public Stream<MaterialisedScore> all(String workspace, String model) {
    return transactions.stream(
        handle ->
            handle
                .createQuery(ALL)
                .bind("workspace", workspace)
                .bind("model", model)
                .setFetchSize(FETCH_SIZE)
                .map(SCORE)
                .stream());
  }

  @Override
  public void eraseContact(String workspace, String contactId) {
    transactions.transactionally(
        handle -> {
          for (String sql : List.of(ERASE_TOPICS, ERASE)) {
            handle
                .createUpdate(sql)
                .bind("workspace", workspace)
                .bind("contact", contactId)
                .execute();
          }
          return null;
        });
  }

  /** Reads the oldest due rows; a contact due under several models is named once. */
  @Override
  public List<ContactRef> dueForRefresh(Instant now, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    var due = new LinkedHashSet<ContactRef>();
    transactions.withHandle(
        handle -> {
          handle
              .createQuery(DUE)
              .bind("now", timestamp(now))
              .bind("limit", limit)
              .map(
                  (row, context) ->
                      new ContactRef(row.getString("workspace_id"), row.getString("contact_id")))
              .forEach(due::add);
          return null;
        });
    return List.copyOf(due);
  }
}
