package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Contacts of a workspace, found by any of their identities.
 *
 * <p>Writes that depend on a contact hold its row until their transaction ends, so that an erase
 * (which holds it exclusively, first) never leaves rows of the contact behind: {@link #resolve} and
 * {@link #lockForUpdate} hold it for a change of the contact (ingest, upsert), {@link
 * #holdForDerivedRows} for rows computed from it (scores, notifications), and {@link #lockForErase}
 * against everything. Adapters without concurrent transactions may hold nothing.
 */
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
   * identity, each contact held for a change until the transaction ends. Identities are taken in a
   * fixed order, so two transactions resolving overlapping sets never wait on each other in a
   * cycle. Adapters may override it with fewer round trips.
   *
   * @throws ContactErasedException when a contact found was erased before it could be held: the
   *     transaction is to run again (the identity then resolves to a new contact)
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

  /**
   * The contact with this id, its row held for a change until the transaction ends (waiting for
   * other changes and erases of it to end first); empty when there is none, or it was just erased.
   */
  default Optional<ContactRecord> lockForUpdate(String workspace, String contactId) {
    return find(workspace, new ContactIdentity.ById(contactId));
  }

  /**
   * Holds the contact's row exclusively until the transaction ends, after every transaction that
   * holds it ends; false when there is no such contact.
   */
  default boolean lockForErase(String workspace, String contactId) {
    return find(workspace, new ContactIdentity.ById(contactId)).isPresent();
  }

  /**
   * Holds these contacts, without waiting, for writing rows computed from them (scores,
   * notifications) until the transaction ends, so that an erase waits for those rows and deletes
   * them. Returns the ids held: not those erased, nor (never waiting) those being erased or, on
   * databases with only exclusive row locks, being changed by another transaction.
   */
  default Set<String> holdForDerivedRows(String workspace, Collection<String> contactIds) {
    var held = new LinkedHashSet<String>();
    for (String id : contactIds) {
      if (find(workspace, new ContactIdentity.ById(id)).isPresent()) {
        held.add(id);
      }
    }
    return held;
  }

  /**
   * Adds one to each contact's revision: its history or profile changed, so a score computed before
   * is stale. Call in the transaction that made the change. ({@link #save} does it itself.)
   */
  default void touch(String workspace, Collection<String> contactIds) {}

  /** How many contacts the workspace has. */
  long count(String workspace);

  /**
   * Replaces a contact's e-mail, external ids and profile (creating it when its id is new), adding
   * one to its revision.
   *
   * @throws IdentityTakenException when the e-mail or an external id belongs to another contact
   */
  void save(String workspace, ContactRecord contact);

  /** Deletes a contact and its identities; false when there was none. */
  boolean erase(String workspace, String contactId);
}
