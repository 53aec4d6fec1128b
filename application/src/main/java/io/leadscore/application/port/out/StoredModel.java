package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model of a workspace: its draft (if any), its versions (oldest first) and which one is live.
 *
 * @param draft null when no draft was saved since the model was made
 * @param liveVersion 0 while no version is live
 */
public record StoredModel(
    String id,
    ModelDocument draft,
    Instant draftSavedAt,
    int liveVersion,
    List<ModelVersion> versions) {
  public StoredModel {
    Objects.requireNonNull(id, "id");
    versions = List.copyOf(versions);
    if (liveVersion < 0 || liveVersion > versions.size()) {
      throw new IllegalArgumentException("liveVersion: no such version " + liveVersion);
    }
  }

  /** The live version, if one was published. */
  public Optional<ModelVersion> live() {
    return liveVersion == 0 ? Optional.empty() : Optional.of(versions.get(liveVersion - 1));
  }
}
