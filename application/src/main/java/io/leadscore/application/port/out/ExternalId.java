package io.leadscore.application.port.out;

import java.util.Objects;

/** A contact's id in a source (a vendor or another system): unique per source and workspace. */
public record ExternalId(String source, String id) {
  public ExternalId {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }
}
