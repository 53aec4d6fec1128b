package io.leadscore.application.port.out;

import io.leadscore.domain.contact.Contact;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored contact: its ids, its profile (attributes and tags, as the engine sees them) and when it
 * was created and last changed.
 *
 * @param email normalised (trimmed, lower-case), or null when unknown
 * @param externalIds at most one per source
 */
public record ContactRecord(
    String id,
    String email,
    List<ExternalId> externalIds,
    Contact profile,
    Instant createdAt,
    Instant updatedAt) {
  public ContactRecord {
    Objects.requireNonNull(id, "id");
    externalIds = List.copyOf(externalIds);
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
