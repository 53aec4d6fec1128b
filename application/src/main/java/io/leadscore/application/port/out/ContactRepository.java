package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
   * Resolves many identities at once, as {@link #findOrCreate} does each: the contact id of every
   * identity. Identities are taken in a fixed order, so two transactions resolving overlapping sets
   * never wait on each other in a cycle. Adapters may override it with fewer round trips.
   */
  default Map<ContactIdentity, String> resolve(
      String workspace, List<ContactIdentity> identities, Supplier<String> newIds, Instant now) {
    var ordered = identities.stream().sorted(Comparator.comparing(Object::toString)).toList();
    var ids = new HashMap<ContactIdentity, String>();
    for (ContactIdentity identity : ordered) {
      ids.computeIfAbsent(identity, key -> findOrCreate(workspace, key, newIds.get(), now).id());
    }
    return ids;
  }

  /** How many contacts the workspace has. */
  long count(String workspace);

  /**
   * Replaces a contact's e-mail, external ids and profile (creating it when its id is new).
   *
   * @throws IdentityTakenException when the e-mail or an external id belongs to another contact
   */
  void save(String workspace, ContactRecord contact);

  /** Deletes a contact and its identities; false when there was none. */
  boolean erase(String workspace, String contactId);
}
