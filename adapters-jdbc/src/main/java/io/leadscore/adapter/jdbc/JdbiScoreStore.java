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
 * <p>{@link #put} upserts without MERGE: a batch of {@code INSERT .. ON CONFLICT DO NOTHING}, then
 * an {@code UPDATE} batch for the rows that existed. Two transactions writing the same row
 * serialise on its lock instead of failing, and rows are written in key order so that two puts of
 * overlapping contacts cannot deadlock. Thread-safe.
 */
public final class JdbiScoreStore implements ScoreStore {
  private static final String COLUMNS =
      """
      s.contact_id, s.model_id, s.model_version, s.score, s.fit, s.engagement, s.tier, s.grade,
      s.topics, s.top_rules, s.computed_at, s.refresh_at""";
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
  private static final String ALL =
      "SELECT "
          + COLUMNS
          + " FROM scores s WHERE s.workspace_id = :workspace AND s.model_id = :model";
  private static final String INSERT =
      """
      INSERT INTO scores (workspace_id, model_id, contact_id, model_version, score, fit,
        engagement, tier, grade, topics, top_rules, computed_at, refresh_at)
      VALUES (:workspace, :model, :contact, :modelVersion, :score, :fit,
        :engagement, :tier, :grade, :topics, :topRules, :computedAt, :refreshAt)
      ON CONFLICT DO NOTHING
      """;
  private static final String UPDATE =
      """
      UPDATE scores SET model_version = :modelVersion, score = :score, fit = :fit,
        engagement = :engagement, tier = :tier, grade = :grade, topics = :topics,
        top_rules = :topRules, computed_at = :computedAt, refresh_at = :refreshAt
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
            refreshAt);
      };

  private final JdbiTransactions transactions;

  /** Scores through these transactions. */
  public JdbiScoreStore(JdbiTransactions transactions) {
    this.transactions = transactions;
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
    var found = new LinkedHashMap<String, MaterialisedScore>();
    transactions.withHandle(
        handle -> {
          handle
              .createQuery(FIND_MANY)
              .bind("workspace", workspace)
              .bind("model", model)
              .bindArray("contacts", String.class, new LinkedHashSet<>(contactIds))
              .map(SCORE)
              .forEach(score -> found.put(score.contactId(), score));
          return null;
        });
    return found;
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
    transactions.transactionally(
        handle -> {
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
          return null;
        });
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
