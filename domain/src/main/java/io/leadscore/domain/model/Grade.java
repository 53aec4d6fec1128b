package io.leadscore.domain.model;

import java.util.Objects;

/** A grade (A is best): contacts whose fit score is at least {@code from} (Semantics 4). */
public record Grade(String id, double from) {
  public Grade {
    Objects.requireNonNull(id, "id");
    if (!Double.isFinite(from)) {
      throw new IllegalArgumentException("from: must be finite, was " + from);
    }
  }
}
