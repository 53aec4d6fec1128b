package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Scoring models of a workspace: drafts, numbered versions and the live one. */
public interface ModelRepository {
  /** Stores a model's draft, creating the model when it is new. */
  void saveDraft(String workspace, String modelId, ModelDocument draft, Instant now);

  Optional<StoredModel> find(String workspace, String modelId);

  /**
   * The model's live version number (0 when it was never published), or empty for an unknown model:
   * what every score read asks, without loading the documents {@link #find} loads.
   */
  default Optional<Integer> liveVersion(String workspace, String modelId) {
    return find(workspace, modelId).map(StoredModel::liveVersion);
  }

  /** Every model of the workspace, by id. */
  List<StoredModel> list(String workspace);

  /** Adds the next version (1 + the highest) of an existing model; returns its number. */
  int addVersion(String workspace, String modelId, ModelDocument document, Instant now);

  /** Makes an existing version the live one. */
  void setLive(String workspace, String modelId, int version, Instant now);
}
