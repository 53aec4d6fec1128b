package io.leadscore.adapter.jdbc;

import static io.leadscore.adapter.jdbc.Columns.timestamp;

import io.leadscore.application.port.out.ContactErasedException;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.IdentityTakenException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Contacts in {@code contacts} and their external ids in {@code contact_external_ids}.
 *
 * <p>Locks (see {@link ContactRepository}): {@link #resolve} and {@link #lockForUpdate} take {@code
 * FOR NO KEY UPDATE} on PostgreSQL and {@code FOR UPDATE} on H2, {@link #lockForErase} {@code FOR
 * UPDATE}, {@link #holdForDerivedRows} {@code FOR KEY SHARE SKIP LOCKED} on PostgreSQL (it passes
 * over contacts being erased only) and {@code FOR UPDATE SKIP LOCKED} on H2 (over contacts being
 * changed too). A batch's contacts are locked in id order, after they are resolved; one erased in
 * between is not returned by the lock, and {@link ContactErasedException} has the transaction run
 * again (its identities then resolve to a new contact).
 *
 * <p>{@link #findOrCreate} is safe under concurrency without locks: it inserts with {@code ON
 * CONFLICT DO NOTHING} (the one form H2 and PostgreSQL share) and re-reads, so of two transactions
 * creating the same e-mail at once the second waits for the first and then finds its contact. For
 * an external id the contact row comes first (its id is new, nothing conflicts), then the external
 * id; a caller that loses that race deletes its orphan contact and returns the winner's.
 * Thread-safe.
 */
public final class JdbiContactRepository implements ContactRepository {
  private static final String BY_ID =
      "SELECT "
          + ContactRow.COLUMNS
          + " FROM contacts WHERE workspace_id = :workspace AND id = :id";
  private static final String BY_EMAIL =
      "SELECT "
          + ContactRow.COLUMNS
          + " FROM contacts WHERE workspace_id = :workspace AND email = :email";
  private static final String BY_EXTERNAL_ID =
      "SELECT "
          + ContactRow.C_COLUMNS
          + """
           FROM contact_external_ids x
          JOIN contacts c ON c.workspace_id = x.workspace_id AND c.id = x.contact_id
          WHERE x.workspace_id = :workspace AND x.source = :source AND x.external_id = :externalId
          """;
  private static final String EXTERNAL_IDS =
      """
      SELECT source, external_id FROM contact_external_ids
      WHERE workspace_id = :workspace AND contact_id = :id
      """;
  private static final String EMAIL_OWNER =
      "SELECT id FROM contacts WHERE workspace_id = :workspace AND email = :email";
  private static final String EXTERNAL_ID_OWNER =
      """
      SELECT contact_id FROM contact_external_ids
      WHERE workspace_id = :workspace AND source = :source AND external_id = :externalId
      """;
  private static final String INSERT =
      """
      INSERT INTO contacts (workspace_id, id, email, attributes, tags, created_at, updated_at)
      VALUES (:workspace, :id, :email, :attributes, :tags, :createdAt, :updatedAt)
      ON CONFLICT DO NOTHING
      """;
  private static final String UPDATE =
      """
      UPDATE contacts SET email = :email, attributes = :attributes, tags = :tags,
        updated_at = :updatedAt, revision = revision + 1
      WHERE workspace_id = :workspace AND id = :id
      """;
  private static final String INSERT_EXTERNAL_ID =
      """
      INSERT INTO contact_external_ids (workspace_id, source, external_id, contact_id)
      VALUES (:workspace, :source, :externalId, :id)
      ON CONFLICT DO NOTHING
      """;
  private static final String DELETE_EXTERNAL_IDS =
      "DELETE FROM contact_external_ids WHERE workspace_id = :workspace AND contact_id = :id";
  private static final String DELETE =
      "DELETE FROM contacts WHERE workspace_id = :workspace AND id = :id";
  // the locks of ContactRepository's Javadoc. On PostgreSQL a change holds FOR NO KEY UPDATE, which
  // lets writers of derived rows (FOR KEY SHARE) go on beside it; H2 has only FOR UPDATE
  private static final String LOCK_POSTGRES =
      "SELECT "
          + ContactRow.COLUMNS
          + " FROM contacts WHERE workspace_id = :workspace AND id = :id FOR NO KEY UPDATE";
  private static final String LOCK_H2 = BY_ID + " FOR UPDATE";
  private static final String LOCK_FOR_ERASE =
      "SELECT id FROM contacts WHERE workspace_id = :workspace AND id = :id FOR UPDATE";
  private static final String LOCK_MANY_POSTGRES =
      """
      SELECT id FROM contacts WHERE workspace_id = :workspace AND id = ANY(:ids)
      ORDER BY id FOR NO KEY UPDATE
      """;
  private static final String LOCK_MANY_H2 =
      """
      SELECT id FROM contacts WHERE workspace_id = :workspace AND id = ANY(:ids)
      ORDER BY id FOR UPDATE
      """;
  private static final String HOLD_POSTGRES =
      """
      SELECT id FROM contacts WHERE workspace_id = :workspace AND id = ANY(:ids)
      ORDER BY id FOR KEY SHARE SKIP LOCKED
      """;
  private static final String HOLD_H2 =
      """
      SELECT id FROM contacts WHERE workspace_id = :workspace AND id = ANY(:ids)
      ORDER BY id FOR UPDATE SKIP LOCKED
      """;

  private static final String TOUCH =
      """
      UPDATE contacts SET revision = revision + 1
      WHERE workspace_id = :workspace AND id = ANY(:ids)
      """;
  private static final String COUNT =
      "SELECT COUNT(*) FROM contacts WHERE workspace_id = :workspace";

  private static final String IDS_AMONG =
      "SELECT id FROM contacts WHERE workspace_id = :workspace AND id = ANY(:ids)";
  private static final String EMAILS_AMONG =
      "SELECT id, email FROM contacts WHERE workspace_id = :workspace AND email = ANY(:emails)";

  /** SQLSTATE of a unique violation, on both databases. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final JdbiTransactions transactions;

  /** Contacts through these transactions. */
  public JdbiContactRepository(JdbiTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<ContactRecord> find(String workspace, ContactIdentity identity) {
    return transactions.withHandle(handle -> find(handle, workspace, identity));
  }

  private static Optional<ContactRecord> find(
      Handle handle, String workspace, ContactIdentity identity) {
    Optional<ContactRow> row =
        switch (identity) {
          case ContactIdentity.ById(String id) ->
              handle
                  .createQuery(BY_ID)
                  .bind("workspace", workspace)
                  .bind("id", id)
                  .map(ContactRow.MAPPER)
                  .findOne();
          case ContactIdentity.ByEmail(String email) ->
              handle
                  .createQuery(BY_EMAIL)
                  .bind("workspace", workspace)
                  .bind("email", email)
                  .map(ContactRow.MAPPER)
                  .findOne();
          case ContactIdentity.ByExternalId(ExternalId externalId) ->
              handle
                  .createQuery(BY_EXTERNAL_ID)
                  .bind("workspace", workspace)
                  .bind("source", externalId.source())
                  .bind("externalId", externalId.id())
                  .map(ContactRow.MAPPER)
                  .findOne();
        };
    return row.map(contact -> contact.record(externalIds(handle, workspace, contact.id())));
  }

  static List<ExternalId> externalIds(Handle handle, String workspace, String contactId) {
    return handle
        .createQuery(EXTERNAL_IDS)
        .bind("workspace", workspace)
        .bind("id", contactId)
        .map(
            (row, context) -> new ExternalId(row.getString("source"), row.getString("external_id")))
        .list();
  }

  @Override
  public ContactRecord findOrCreate(
      String workspace, ContactIdentity identity, String newId, Instant now) {
    return transactions.transactionally(
        handle -> {
          Optional<ContactRecord> found = find(handle, workspace, identity);
          if (found.isPresent()) {
            return found.get();
          }
          switch (identity) {
            case ContactIdentity.ById(String id) -> insertEmpty(handle, workspace, id, null, now);
            case ContactIdentity.ByEmail(String email) ->
                insertEmpty(handle, workspace, newId, email, now);
            case ContactIdentity.ByExternalId(ExternalId externalId) -> {
              if (insertEmpty(handle, workspace, newId, null, now) == 0) {
                throw new IllegalStateException("contact id already taken: " + newId);
              }
              if (insertExternalId(handle, workspace, externalId, newId) == 0) {
                // another transaction gave this external id to its contact first: ours is an orphan
                delete(handle, workspace, newId);
              }
            }
          }
          return find(handle, workspace, identity)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "contact id " + newId + " already taken by another identity"));
        });
  }

  /**
   * Resolves a batch in a few statements instead of one transaction per identity: ids and e-mails
   * are looked up with one {@code IN} query each, the missing ones inserted in one batch (in sorted
   * order, so concurrent batches cannot deadlock; {@code ON CONFLICT DO NOTHING} lets a concurrent
   * creator win) and read back. External ids are rarer in bulk and go through {@link
   * #findOrCreate}, which handles their two-row race.
   */
  @Override
  public Map<ContactIdentity, String> resolve(
      String workspace, List<ContactIdentity> identities, Supplier<String> newIds, Instant now) {
    return transactions.transactionally(
        handle -> {
          Map<ContactIdentity, String> resolved =
              resolveUnlocked(handle, workspace, identities, newIds, now);
          // hold every contact found, in id order (no deadlock between two batches). One erased
          // since it was found is missing: the caller's transaction must run again, without the
          // locks taken here, or it could wait in a cycle with another batch creating the contact
          var ids = new TreeSet<>(resolved.values());
          List<String> held =
              handle
                  .createQuery(vendor() == Vendor.POSTGRESQL ? LOCK_MANY_POSTGRES : LOCK_MANY_H2)
                  .bind("workspace", workspace)
                  .bindArray("ids", String.class, ids)
                  .mapTo(String.class)
                  .list();
          if (resolved.size() < identities.size() || held.size() < ids.size()) {
            throw new ContactErasedException(
                "a contact was erased while events were stored for it");
          }
          return resolved;
        });
  }

  private Map<ContactIdentity, String> resolveUnlocked(
      Handle handle,
      String workspace,
      List<ContactIdentity> identities,
      Supplier<String> newIds,
      Instant now) {
    var ids = new TreeSet<String>();
    var emails = new TreeSet<String>();
    var external = new ArrayList<ContactIdentity.ByExternalId>();
    for (ContactIdentity identity : identities) {
      switch (identity) {
        case ContactIdentity.ById(String id) -> ids.add(id);
        case ContactIdentity.ByEmail(String email) -> emails.add(email);
        case ContactIdentity.ByExternalId byExternalId -> external.add(byExternalId);
      }
    }
    var resolved = new HashMap<ContactIdentity, String>();
    resolveIds(handle, workspace, ids, now, resolved);
    resolveEmails(handle, workspace, emails, newIds, now, resolved);
    for (ContactIdentity.ByExternalId identity : external) {
      resolved.put(identity, findOrCreate(workspace, identity, newIds.get(), now).id());
    }
    return resolved;
  }

  private Vendor vendor() {
    return transactions.vendor();
  }

  @Override
  public Optional<ContactRecord> lockForUpdate(String workspace, String contactId) {
    return transactions.transactionally(
        handle ->
            handle
                .createQuery(vendor() == Vendor.POSTGRESQL ? LOCK_POSTGRES : LOCK_H2)
                .bind("workspace", workspace)
                .bind("id", contactId)
                .map(ContactRow.MAPPER)
                .findOne()
                .map(row -> row.record(externalIds(handle, workspace, row.id()))));
  }

  @Override
  public void touch(String workspace, Collection<String> contactIds) {
    if (contactIds.isEmpty()) {
      return;
    }
    transactions.transactionally(
        handle ->
            handle
                .createUpdate(TOUCH)
                .bind("workspace", workspace)
                .bindArray("ids", String.class, new TreeSet<>(contactIds))
                .execute());
  }

  @Override
  public boolean lockForErase(String workspace, String contactId) {
    return transactions.transactionally(
        handle ->
            handle
                .createQuery(LOCK_FOR_ERASE)
                .bind("workspace", workspace)
                .bind("id", contactId)
                .mapTo(String.class)
                .findOne()
                .isPresent());
  }

  @Override
  public Set<String> holdForDerivedRows(String workspace, Collection<String> contactIds) {
    if (contactIds.isEmpty()) {
      return Set.of();
    }
    return transactions.transactionally(
        handle ->
            new LinkedHashSet<>(
                handle
                    .createQuery(vendor() == Vendor.POSTGRESQL ? HOLD_POSTGRES : HOLD_H2)
                    .bind("workspace", workspace)
                    .bindArray("ids", String.class, new TreeSet<>(contactIds))
                    .mapTo(String.class)
                    .list()));
  }

  private static void resolveIds(
      Handle handle,
      String workspace,
      TreeSet<String> ids,
      Instant now,
      Map<ContactIdentity, String> resolved) {
    if (ids.isEmpty()) {
      return;
    }
    var missing = new TreeSet<>(ids);
    missing.removeAll(
        handle
            .createQuery(IDS_AMONG)
            .bind("workspace", workspace)
            .bindArray("ids", String.class, ids)
            .mapTo(String.class)
            .list());
    insertEmpty(
        handle, workspace, missing.stream().map(id -> new String[] {id, null}).toList(), now);
    ids.forEach(id -> resolved.put(new ContactIdentity.ById(id), id));
  }

  private static void resolveEmails(
      Handle handle,
      String workspace,
      TreeSet<String> emails,
      Supplier<String> newIds,
      Instant now,
      Map<ContactIdentity, String> resolved) {
    if (emails.isEmpty()) {
      return;
    }
    Map<String, String> owners = emailOwners(handle, workspace, emails);
    var missing = new ArrayList<String[]>();
    for (String email : emails) {
      if (!owners.containsKey(email)) {
        missing.add(new String[] {newIds.get(), email});
      }
    }
    if (!missing.isEmpty()) {
      insertEmpty(handle, workspace, missing, now);
      owners = emailOwners(handle, workspace, emails); // a concurrent creator may have won
    }
    for (String email : emails) {
      String owner = owners.get(email);
      if (owner == null) {
        // created by another transaction, which waited for it, and erased since
        throw new ContactErasedException("contact with e-mail " + email + " was just erased");
      }
      resolved.put(new ContactIdentity.ByEmail(email), owner);
    }
  }

  private static Map<String, String> emailOwners(
      Handle handle, String workspace, TreeSet<String> emails) {
    var owners = new HashMap<String, String>();
    handle
        .createQuery(EMAILS_AMONG)
        .bind("workspace", workspace)
        .bindArray("emails", String.class, emails)
        .map((row, context) -> owners.put(row.getString("email"), row.getString("id")))
        .list();
    return owners;
  }

  /**
   * Inserts empty contacts, each {@code {id, email or null}}, skipping any that conflict; returns 1
   * or 0 per contact (stored or skipped).
   */
  private static int[] insertEmpty(
      Handle handle, String workspace, List<String[]> contacts, Instant now) {
    if (contacts.isEmpty()) {
      return new int[0];
    }
    PreparedBatch batch = handle.prepareBatch(INSERT);
    for (String[] contact : contacts) {
      batch
          .bind("workspace", workspace)
          .bind("id", contact[0])
          .bind("email", contact[1])
          .bind("attributes", (String) null)
          .bind("tags", (String) null)
          .bind("createdAt", timestamp(now))
          .bind("updatedAt", timestamp(now))
          .add();
    }
    return batch.execute();
  }

  private static int insertEmpty(
      Handle handle, String workspace, String id, String email, Instant now) {
    return insertEmpty(handle, workspace, List.<String[]>of(new String[] {id, email}), now)[0];
  }

  private static int insertExternalId(
      Handle handle, String workspace, ExternalId externalId, String contactId) {
    return handle
        .createUpdate(INSERT_EXTERNAL_ID)
        .bind("workspace", workspace)
        .bind("source", externalId.source())
        .bind("externalId", externalId.id())
        .bind("id", contactId)
        .execute();
  }

  @Override
  public void save(String workspace, ContactRecord contact) {
    transactions.transactionally(
        handle -> {
          checkIdentitiesFree(handle, workspace, contact);
          try {
            write(handle, workspace, contact);
          } catch (UnableToExecuteStatementException e) {
            // a concurrent save took the e-mail between the check and the write
            if (e.getCause() instanceof SQLException sql
                && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
              throw new IdentityTakenException(
                  "e-mail " + contact.email() + " was just given to another contact");
            }
            throw e;
          }
          return null;
        });
  }

  private static void checkIdentitiesFree(Handle handle, String workspace, ContactRecord contact) {
    if (contact.email() != null) {
      Optional<String> owner =
          handle
              .createQuery(EMAIL_OWNER)
              .bind("workspace", workspace)
              .bind("email", contact.email())
              .mapTo(String.class)
              .findOne();
      if (owner.isPresent() && !owner.get().equals(contact.id())) {
        throw new IdentityTakenException(
            "e-mail " + contact.email() + " belongs to another contact");
      }
    }
    for (ExternalId externalId : contact.externalIds()) {
      Optional<String> owner =
          handle
              .createQuery(EXTERNAL_ID_OWNER)
              .bind("workspace", workspace)
              .bind("source", externalId.source())
              .bind("externalId", externalId.id())
              .mapTo(String.class)
              .findOne();
      if (owner.isPresent() && !owner.get().equals(contact.id())) {
        throw new IdentityTakenException(
            "external id "
                + externalId.source()
                + ":"
                + externalId.id()
                + " belongs to another contact");
      }
    }
  }

  private static void write(Handle handle, String workspace, ContactRecord contact) {
    String attributes = JsonCodec.values(contact.profile().attributes());
    String tags = JsonCodec.sortedStrings(contact.profile().tags());
    int updated =
        handle
            .createUpdate(UPDATE)
            .bind("workspace", workspace)
            .bind("id", contact.id())
            .bind("email", contact.email())
            .bind("attributes", attributes)
            .bind("tags", tags)
            .bind("updatedAt", timestamp(contact.updatedAt()))
            .execute();
    if (updated == 0) {
      int inserted =
          handle
              .createUpdate(INSERT)
              .bind("workspace", workspace)
              .bind("id", contact.id())
              .bind("email", contact.email())
              .bind("attributes", attributes)
              .bind("tags", tags)
              .bind("createdAt", timestamp(contact.createdAt()))
              .bind("updatedAt", timestamp(contact.updatedAt()))
              .execute();
      if (inserted == 0) {
        throw new IdentityTakenException(
            "contact " + contact.id() + " or its e-mail was just created by another save");
      }
    }
    handle
        .createUpdate(DELETE_EXTERNAL_IDS)
        .bind("workspace", workspace)
        .bind("id", contact.id())
        .execute();
    for (ExternalId externalId : contact.externalIds()) {
      if (insertExternalId(handle, workspace, externalId, contact.id()) == 0) {
        throw new IdentityTakenException(
            "external id "
                + externalId.source()
                + ":"
                + externalId.id()
                + " was just given to another contact");
      }
    }
  }

  /**
   * How many contacts the workspace has. (Declared by {@code ContactRepository} on main since this
   * branch started, hence no {@code @Override} here: it implements that method once merged.)
   */
  public long count(String workspace) {
    return transactions.withHandle(
        handle -> handle.createQuery(COUNT).bind("workspace", workspace).mapTo(Long.class).one());
  }

  @Override
  public boolean erase(String workspace, String contactId) {
    return transactions.transactionally(handle -> delete(handle, workspace, contactId) == 1);
  }

  private static int delete(Handle handle, String workspace, String contactId) {
    handle
        .createUpdate(DELETE_EXTERNAL_IDS)
        .bind("workspace", workspace)
        .bind("id", contactId)
        .execute();
    return handle.createUpdate(DELETE).bind("workspace", workspace).bind("id", contactId).execute();
  }
}
