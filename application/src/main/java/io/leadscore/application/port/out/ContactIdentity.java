package io.leadscore.application.port.out;

import java.util.Objects;

/**
 * How a caller names a contact within its workspace (http-api.md, "Identity and idempotency"): by
 * our id, by normalised e-mail (trimmed, lower-case) or by an external id per source.
 */
public sealed interface ContactIdentity {
  /** By Leadscore's contact id. */
  record ById(String id) implements ContactIdentity {
    public ById {
      Objects.requireNonNull(id, "id");
    }
  }

  /** By e-mail, already normalised. */
  record ByEmail(String email) implements ContactIdentity {
    public ByEmail {
      Objects.requireNonNull(email, "email");
    }
  }

  /** By the contact's id in a source. */
  record ByExternalId(ExternalId externalId) implements ContactIdentity {
    public ByExternalId {
      Objects.requireNonNull(externalId, "externalId");
    }
  }
}
