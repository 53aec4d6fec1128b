package io.leadscore.application.service;

import io.leadscore.application.ingest.IdentityReader;
import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.UpsertContactCommand;
import io.leadscore.application.port.in.UpsertContactUseCase;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.IdentityTakenException;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.StorageUnavailableException;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.reading.ContactReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import io.leadscore.domain.reading.StoredText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates or updates a contact (see {@link UpsertContactUseCase} for the rules), validating the
 * whole body first, then in one transaction finding (or creating) the contact by its strongest
 * identity, locking it, merging the change into what is stored and marking its scores for refresh.
 */
public final class UpsertContactService implements UpsertContactUseCase {
  private static final Set<String> KEYS =
      Set.of("id", "email", "externalId", "attributes", "tags", "addTags", "removeTags");

  /** Finding and locking attempts before the answer is a retryable 503. */
  private static final int MAX_ATTEMPTS = 3;

  private final Transactions transactions;
  private final ContactRepository contacts;
  private final ScoreRefreshQueue refreshQueue;
  private final Clock clock;

  public UpsertContactService(
      Transactions transactions,
      ContactRepository contacts,
      ScoreRefreshQueue refreshQueue,
      Clock clock) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.refreshQueue = refreshQueue;
    this.clock = clock;
  }

  /** The validated change. Null fields are left as they are. */
  private record Change(
      IdentityReader.Identities identities,
      Map<String, Value> attributes,
      Set<String> tags,
      Set<String> addTags,
      Set<String> removeTags) {}

  @Override
  public ContactRecord upsert(UpsertContactCommand command) {
    Change change = read(command.body());
    return transactions.inTransaction(() -> apply(command.workspace(), change, clock.instant()));
  }

  private ContactRecord apply(String workspace, Change change, Instant now) {
    for (int attempt = 1; ; attempt++) {
      Optional<ContactRecord> before = lockedContact(workspace, change.identities(), now);
      if (before.isEmpty()) {
        // erased between finding and locking it: the next attempt finds or creates anew
        if (attempt == MAX_ATTEMPTS) {
          throw new StorageUnavailableException(
              "the contact was erased while it was being changed, " + attempt + " times", null);
        }
        continue;
      }
      ContactRecord after = merge(before.get(), change, now);
      try {
        contacts.save(workspace, after);
      } catch (IdentityTakenException e) {
        throw new ConflictException(e.getMessage());
      }
      refreshQueue.mark(workspace, List.of(after.id()), now);
      return after;
    }
  }

  /**
   * The contact the identities name, created empty when there is none, its row locked for this
   * transaction: concurrent upserts of one contact then apply one after the other, each to what the
   * previous one committed (no lost tag), and concurrent creators of one new contact all end on the
   * same one. Empty when it was erased before the lock was taken.
   */
  private Optional<ContactRecord> lockedContact(
      String workspace, IdentityReader.Identities identities, Instant now) {
    Optional<ContactRecord> existing = Optional.empty();
    if (identities.id() != null) {
      existing = contacts.find(workspace, new ContactIdentity.ById(identities.id()));
    }
    if (existing.isEmpty() && identities.email() != null) {
      existing = contacts.find(workspace, new ContactIdentity.ByEmail(identities.email()));
    }
    if (existing.isEmpty() && identities.externalId() != null) {
      existing =
          contacts.find(workspace, new ContactIdentity.ByExternalId(identities.externalId()));
    }
    if (existing.isPresent()
        && identities.id() != null
        && !existing.get().id().equals(identities.id())) {
      throw new ConflictException(
          "the e-mail or external id given belongs to contact "
              + existing.get().id()
              + ", not "
              + identities.id());
    }
    String id =
        existing.isPresent()
            ? existing.get().id()
            : contacts
                .findOrCreate(workspace, strongest(identities), RandomIds.contactId(), now)
                .id();
    return contacts.lockForUpdate(workspace, id);
  }

  /** The identity a new contact is created by: its id, else its e-mail, else its external id. */
  private static ContactIdentity strongest(IdentityReader.Identities identities) {
    if (identities.id() != null) {
      return new ContactIdentity.ById(identities.id());
    }
    if (identities.email() != null) {
      return new ContactIdentity.ByEmail(identities.email());
    }
    return new ContactIdentity.ByExternalId(identities.externalId());
  }

  private static ContactRecord merge(ContactRecord before, Change change, Instant now) {
    String email =
        change.identities().email() != null ? change.identities().email() : before.email();
    var externalIds = new ArrayList<ExternalId>();
    ExternalId added = change.identities().externalId();
    for (ExternalId id : before.externalIds()) {
      if (added == null || !id.source().equals(added.source())) {
        externalIds.add(id);
      }
    }
    if (added != null) {
      externalIds.add(added);
    }
    Map<String, Value> attributes =
        change.attributes() != null ? change.attributes() : before.profile().attributes();
    var tags = new LinkedHashSet<>(change.tags() != null ? change.tags() : before.profile().tags());
    tags.addAll(change.addTags());
    tags.removeAll(change.removeTags());
    return new ContactRecord(
        before.id(), email, externalIds, new Contact(attributes, tags), before.createdAt(), now);
  }

  private static Change read(Object body) {
    var problems = new ArrayList<Problem>();
    if (!(body instanceof Map<?, ?> map)) {
      throw InvalidInputException.at("", "must be a contact object");
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(new Problem(String.valueOf(key), "unknown key"));
      }
    }
    IdentityReader.Identities identities = IdentityReader.read(map, "", problems);
    if (identities.isEmpty()
        && !map.containsKey("id")
        && !map.containsKey("email")
        && !map.containsKey("externalId")) {
      problems.add(new Problem("", "must have at least one of id, email, externalId"));
    }
    // attributes and tags are read by the domain's contact reader, for the same rules as offline
    var profile = new LinkedHashMap<String, Object>();
    if (map.containsKey("attributes")) {
      profile.put("attributes", map.get("attributes"));
    }
    if (map.containsKey("tags")) {
      profile.put("tags", map.get("tags"));
    }
    Contact contact = null;
    switch (ContactReader.read(profile)) {
      case Read.Invalid<Contact>(List<Problem> found) -> problems.addAll(found);
      case Read.Valid<Contact>(Contact read) -> contact = read;
    }
    Set<String> addTags = tagList(map, "addTags", problems);
    Set<String> removeTags = tagList(map, "removeTags", problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("invalid contact", problems);
    }
    return new Change(
        identities,
        map.containsKey("attributes") ? contact.attributes() : null,
        map.containsKey("tags") ? contact.tags() : null,
        addTags,
        removeTags);
  }

  private static Set<String> tagList(Map<?, ?> map, String key, List<Problem> problems) {
    if (!map.containsKey(key)) {
      return Set.of();
    }
    if (!(map.get(key) instanceof List<?> list)) {
      problems.add(new Problem(key, "must be a list"));
      return Set.of();
    }
    var tags = new LinkedHashSet<String>();
    for (int index = 0; index < list.size(); index++) {
      int i = index;
      if (list.get(i) instanceof String tag && tag.length() > ContactReader.MAX_TAG) {
        problems.add(
            new Problem(
                key + "[" + i + "]", "must be at most " + ContactReader.MAX_TAG + " characters"));
      } else if (list.get(i) instanceof String tag && !tag.isBlank()) {
        StoredText.problem(tag)
            .ifPresentOrElse(
                message -> problems.add(new Problem(key + "[" + i + "]", message)),
                () -> tags.add(tag.toLowerCase(Locale.ROOT)));
      } else {
        problems.add(new Problem(key + "[" + i + "]", "must be a non-empty string"));
      }
    }
    return tags;
  }
}
