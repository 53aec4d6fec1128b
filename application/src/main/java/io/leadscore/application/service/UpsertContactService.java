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
 * whole body first, then in one transaction finding the contact by its strongest identity, merging
 * the change and marking its scores for refresh.
 */
public final class UpsertContactService implements UpsertContactUseCase {
  private static final Set<String> KEYS =
      Set.of("id", "email", "externalId", "attributes", "tags", "addTags", "removeTags");

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
    IdentityReader.Identities identities = change.identities();
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
    ContactRecord before =
        existing.orElseGet(
            () ->
                new ContactRecord(
                    identities.id() != null ? identities.id() : RandomIds.contactId(),
                    null,
                    List.of(),
                    Contact.EMPTY,
                    now,
                    now));
    ContactRecord after = merge(before, change, now);
    try {
      contacts.save(workspace, after);
    } catch (IdentityTakenException e) {
      throw new ConflictException(e.getMessage());
    }
    refreshQueue.mark(workspace, List.of(after.id()), now);
    return after;
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
      if (list.get(i) instanceof String tag && !tag.isBlank()) {
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
