package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.instant;
import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.ModelDocument;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.ModelVersion;
import io.leadscore.application.port.out.StoredModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Models in {@code models} (the draft and which version is live) and {@code model_versions} (the
 * published versions, never changed). Adding a version locks the model's row, so two publishes at
 * once get consecutive numbers. Thread-safe.
 */
public final class JdbiModelRepository implements ModelRepository {
  private static final String INSERT =
      """
      INSERT INTO models (workspace_id, id, draft_source, draft_format, draft_saved_at, live_version)
      VALUES (:workspace, :id, :source, :format, :savedAt, 0)
      ON CONFLICT DO NOTHING
      """;
  private static final String UPDATE_DRAFT =
      """
      UPDATE models SET draft_source = :source, draft_format = :format, draft_saved_at = :savedAt
      WHERE workspace_id = :workspace AND id = :id
      """;
  private static final String MODELS =
      """
      SELECT id, draft_source, draft_format, draft_saved_at, live_version FROM models
      WHERE workspace_id = :workspace
      """;
  private static final String MODEL = MODELS + " AND id = :id";
  private static final String LIVE_VERSION =
      "SELECT live_version FROM models WHERE workspace_id = :workspace AND id = :id";
  private static final String VERSIONS =
      """
      SELECT model_id, number, source, format, created_at FROM model_versions
      WHERE workspace_id = :workspace
      """;
  private static final String VERSIONS_OF = VERSIONS + " AND model_id = :id";
  private static final String LOCK =
      "SELECT id FROM models WHERE workspace_id = :workspace AND id = :id FOR UPDATE";
  private static final String LAST_NUMBER =
      """
      SELECT COALESCE(MAX(number), 0) FROM model_versions
      WHERE workspace_id = :workspace AND model_id = :id
      """;
  private static final String INSERT_VERSION =
      """
      INSERT INTO model_versions (workspace_id, model_id, number, source, format, created_at)
      VALUES (:workspace, :id, :number, :source, :format, :createdAt)
      """;
  private static final String SET_LIVE =
      """
      UPDATE models SET live_version = :number
      WHERE workspace_id = :workspace AND id = :id
        AND EXISTS (SELECT 1 FROM model_versions v
                    WHERE v.workspace_id = :workspace AND v.model_id = :id AND v.number = :number)
      """;

  private record ModelRow(String id, ModelDocument draft, Instant draftSavedAt, int liveVersion) {}

  private record VersionRow(String modelId, ModelVersion version) {}

  private static final RowMapper<ModelRow> MODEL_ROW =
      (row, context) -> {
        String source = row.getString("draft_source");
        return new ModelRow(
            row.getString("id"),
            source == null
                ? null
                : new ModelDocument(source, DocumentFormat.valueOf(row.getString("draft_format"))),
            instant(row, "draft_saved_at"),
            row.getInt("live_version"));
      };
  private static final RowMapper<VersionRow> VERSION_ROW =
      (row, context) ->
          new VersionRow(
              row.getString("model_id"),
              new ModelVersion(
                  row.getInt("number"),
                  new ModelDocument(
                      row.getString("source"), DocumentFormat.valueOf(row.getString("format"))),
                  instant(row, "created_at")));

  private final JdbiTransactions transactions;

  /** Models through these transactions. */
  public JdbiModelRepository(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void saveDraft(String workspace, String modelId, ModelDocument draft, Instant now) {
    transactions.transactionally(
        handle -> {
          for (String sql : List.of(INSERT, UPDATE_DRAFT)) {
            int written =
                handle
                    .createUpdate(sql)
                    .bind("workspace", workspace)
                    .bind("id", modelId)
                    .bind("source", draft.source())
                    .bind("format", draft.format().name())
                    .bind("savedAt", timestamp(now))
                    .execute();
            if (written == 1) {
              break;
            }
          }
          return null;
        });
  }

  @Override
  public Optional<Integer> liveVersion(String workspace, String modelId) {
    return transactions.withHandle(
        handle ->
            handle
                .createQuery(LIVE_VERSION)
                .bind("workspace", workspace)
                .bind("id", modelId)
                .mapTo(Integer.class)
                .findOne());
  }

  @Override
  public Optional<StoredModel> find(String workspace, String modelId) {
    return transactions.transactionally(
        handle ->
            handle
                .createQuery(MODEL)
                .bind("workspace", workspace)
                .bind("id", modelId)
                .map(MODEL_ROW)
                .findOne()
                .map(
                    model ->
                        stored(
                            model,
                            handle
                                .createQuery(VERSIONS_OF)
                                .bind("workspace", workspace)
                                .bind("id", modelId)
                                .map(VERSION_ROW)
                                .list())));
  }

  @Override
  public List<StoredModel> list(String workspace) {
    return transactions.transactionally(
        handle -> {
          List<ModelRow> models =
              handle.createQuery(MODELS).bind("workspace", workspace).map(MODEL_ROW).list();
          var versions = new HashMap<String, List<VersionRow>>();
          for (VersionRow version :
              handle.createQuery(VERSIONS).bind("workspace", workspace).map(VERSION_ROW).list()) {
            versions.computeIfAbsent(version.modelId(), id -> new ArrayList<>()).add(version);
          }
          // by id in Java: the same order on both databases, whatever their collation
          return models.stream()
              .sorted(Comparator.comparing(ModelRow::id))
              .map(model -> stored(model, versions.getOrDefault(model.id(), List.of())))
              .toList();
        });
  }

  private static StoredModel stored(ModelRow model, List<VersionRow> versions) {
    return new StoredModel(
        model.id(),
        model.draft(),
        model.draftSavedAt(),
        model.liveVersion(),
        versions.stream()
            .map(VersionRow::version)
            .sorted(Comparator.comparingInt(ModelVersion::number))
            .toList());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the workspace has no such model
   */
  @Override
  public int addVersion(String workspace, String modelId, ModelDocument document, Instant now) {
    return transactions.transactionally(
        handle -> {
          lock(handle, workspace, modelId);
          int number =
              handle
                      .createQuery(LAST_NUMBER)
                      .bind("workspace", workspace)
                      .bind("id", modelId)
                      .mapTo(Integer.class)
                      .one()
                  + 1;
          handle
              .createUpdate(INSERT_VERSION)
              .bind("workspace", workspace)
              .bind("id", modelId)
              .bind("number", number)
              .bind("source", document.source())
              .bind("format", document.format().name())
              .bind("createdAt", timestamp(now))
              .execute();
          return number;
        });
  }

  private static void lock(Handle handle, String workspace, String modelId) {
    if (handle
        .createQuery(LOCK)
        .bind("workspace", workspace)
        .bind("id", modelId)
        .mapTo(String.class)
        .findOne()
        .isEmpty()) {
      throw new IllegalArgumentException("no model " + modelId + " in workspace " + workspace);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the workspace has no such model or version
   */
  @Override
  public void setLive(String workspace, String modelId, int version, Instant now) {
    int updated =
        transactions.withHandle(
            handle ->
                handle
                    .createUpdate(SET_LIVE)
                    .bind("workspace", workspace)
                    .bind("id", modelId)
                    .bind("number", version)
                    .execute());
    if (updated == 0) {
      throw new IllegalArgumentException(
          "no version " + version + " of model " + modelId + " in workspace " + workspace);
    }
  }
}
