package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** A published version of a model: numbered from 1, never changed once made. */
public record ModelVersion(int number, ModelDocument document, Instant createdAt) {
  public ModelVersion {
    if (number < 1) {
      throw new IllegalArgumentException("number: must be at least 1, was " + number);
    }
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
