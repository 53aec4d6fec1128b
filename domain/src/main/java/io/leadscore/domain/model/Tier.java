package io.leadscore.domain.model;

import java.util.Objects;

/** A tier (cold, warm, hot): contacts whose score is at least {@code from} (Semantics 4). */
public record Tier(String id, double from) {
  public Tier {
    Objects.requireNonNull(id, "id");
    if (!Double.isFinite(from)) {
      throw new IllegalArgumentException("from: must be finite, was " + from);
    }
  }
}
