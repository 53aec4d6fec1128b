package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Contacts of a workspace, found by any of their identities. */
public interface ContactRepository {
  Optional<ContactRecord> find(String workspace, ContactIdentity identity);

  /**
   * The contact with this identity, created with an empty profile (and {@code newId} when the
   * identity is not an id) when there is none. Safe under concurrency: two callers resolving the
   * same new identity at once get the same contact.
   */
  ContactRecord findOrCreate(String workspace, ContactIdentity identity, String newId, Instant now);

  /**
   * Replaces a contact's e-mail, external ids and profile (creating it when its id is new).
   *
   * @throws IdentityTakenException when the e-mail or an external id belongs to another contact
   */
  void save(String workspace, ContactRecord contact);

  /** Deletes a contact and its identities; false when there was none. */
  boolean erase(String workspace, String contactId);
}
