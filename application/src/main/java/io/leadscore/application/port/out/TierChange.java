package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact's tier under a model's live version changed ({@code score.tier_changed}).
 *
 * @param from the earlier tier, or null when the contact had no score yet
 * @param to the new tier
 */
public record TierChange(
    String workspace,
    String model,
    String contactId,
    String from,
    String to,
    double score,
    Instant at) {
  public TierChange {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
  }
}
