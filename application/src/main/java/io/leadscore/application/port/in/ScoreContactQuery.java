package io.leadscore.application.port.in;

import java.time.Instant;
import java.util.Objects;

/** Which contact to score under which model's live version, at which instant. */
public record ScoreContactQuery(String workspace, String contactId, String model, Instant asOf) {
  public ScoreContactQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(asOf, "asOf");
  }
}
