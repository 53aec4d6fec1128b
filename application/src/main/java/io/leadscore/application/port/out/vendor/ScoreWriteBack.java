package io.leadscore.application.port.out.vendor;

import io.leadscore.application.port.out.ExternalId;
import java.time.Instant;
import java.util.Objects;

/**
 * A contact's new score and tier, to write back to the vendor where the source's {@code writeBack}
 * settings ask for it (a {@code tier-<id>} tag, a score field; http-api.md, "Scores on read").
 *
 * @param contact the contact's id at this vendor
 * @param email the contact's e-mail, or null
 * @param model the scoring model's id
 * @param fromTier the earlier tier, or null when the contact had no score yet
 * @param toTier the new tier
 * @param score the score, on the model's scale
 * @param at when the change was computed
 */
public record ScoreWriteBack(
    ExternalId contact,
    String email,
    String model,
    String fromTier,
    String toTier,
    double score,
    Instant at) {
  public ScoreWriteBack {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(toTier, "toTier");
    Objects.requireNonNull(at, "at");
  }
}
