package io.leadscore.application.ingest;

import io.leadscore.application.port.in.IngestResult.RejectedEvent;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.IdentityTakenException;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.vendor.VendorContact;
import io.leadscore.application.port.out.vendor.VendorEvent;
import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.reading.ContactReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import io.leadscore.domain.reading.StoredText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores what a vendor module gives (a pulled page, an inbound webhook) the way API input is
 * stored: contacts validated like {@code PUT /v1/contacts} and merged into ours (found by external
 * id, then e-mail; attributes merged, tags edited), events through {@link EventBatch} with the
 * source's id as their source. An invalid contact or event is refused with its reason and the rest
 * is stored. {@link #store} joins the caller's transaction. Thread-safe.
 */
public final class VendorData {
  private final Transactions transactions;
  private final ContactRepository contacts;
  private final ScoreRefreshQueue refreshQueue;
  private final EventBatch events;
  private final Supplier<String> newContactIds;

  public VendorData(
      Transactions transactions,
      ContactRepository contacts,
      EventBatch events,
      ScoreRefreshQueue refreshQueue,
      Supplier<String> newContactIds) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.refreshQueue = refreshQueue;
    this.events = events;
    this.newContactIds = newContactIds;
  }

  /**
   * Vendor data stored on these ports, with new contacts named by {@link RandomIds#contactId()}:
   * what syncs and inbound hooks both use.
   */
  public static VendorData on(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue refreshQueue) {
    return new VendorData(
        transactions,
        contacts,
        new EventBatch(contacts, events, refreshQueue, RandomIds::contactId),
        refreshQueue,
        RandomIds::contactId);
  }

  /** A vendor's contact, validated: e-mail normalised, attributes read, tags lower-cased. */
  private record ValidContact(
      ExternalId externalId,
      String email,
      Map<String, Value> attributes,
      List<String> addTags,
      List<String> removeTags) {}

  /** A batch of vendor data, validated: what can be stored and why the rest cannot. */
  public static final class Checked {
    private final List<ValidContact> contacts;
    private final EventBatch.Parsed events;
    private final List<String> errors;

    private Checked(List<ValidContact> contacts, EventBatch.Parsed events, List<String> errors) {
      this.contacts = List.copyOf(contacts);
      this.events = events;
      this.errors = List.copyOf(errors);
    }

    /** Events refused, by index in the batch's event list, with every problem. */
    public List<RejectedEvent> rejectedEvents() {
      return events.rejected();
    }

    /** Every contact and event refused, each with its reason ({@code contact 2: email: ...}). */
    public List<String> errors() {
      var all = new ArrayList<>(errors);
      for (RejectedEvent rejected : events.rejected()) {
        all.add("event " + rejected.index() + ": " + join(rejected.errors()));
      }
      return all;
    }

    /** How many contacts were refused. */
    public int rejectedContacts() {
      return errors.size();
    }

    /** Each contact refused, with its reason. */
    public List<String> contactErrors() {
      return errors;
    }
  }

  /** What {@link #store} did. */
  public record Stored(int contacts, int accepted, int duplicates, List<String> errors) {
    public Stored {
      errors = List.copyOf(errors);
    }
  }

  /** Validates a batch; never throws on any content. */
  public static Checked check(
      String sourceId, List<VendorContact> contacts, List<VendorEvent> events) {
    var valid = new ArrayList<ValidContact>(contacts.size());
    var errors = new ArrayList<String>();
    for (int i = 0; i < contacts.size(); i++) {
      var problems = new ArrayList<Problem>();
      ValidContact contact = checkContact(contacts.get(i), problems);
      if (contact == null) {
        errors.add(
            "contact " + i + " (" + contacts.get(i).externalId().id() + "): " + join(problems));
      } else {
        valid.add(contact);
      }
    }
    var trees = new ArrayList<Object>(events.size());
    events.forEach(event -> trees.add(tree(event)));
    return new Checked(valid, EventBatch.read(sourceId, trees), errors);
  }

  /**
   * Stores a checked batch in the caller's transaction: each contact in a nested one (a contact
   * whose e-mail or external id belongs to another contact is refused alone), then the events.
   */
  public Stored store(String workspace, String sourceId, Checked checked, Instant now) {
    var errors = new ArrayList<String>();
    int changed = 0;
    for (ValidContact contact : checked.contacts) {
      try {
        if (transactions.inTransaction(() -> apply(workspace, contact, now))) {
          changed++;
        }
      } catch (IdentityTakenException e) {
        errors.add("contact " + contact.externalId().id() + ": " + e.getMessage());
      }
    }
    EventBatch.Stored stored = events.store(workspace, sourceId, checked.events.valid(), now);
    return new Stored(changed, stored.accepted(), stored.duplicates(), errors);
  }

  /** Merges one contact into ours; false when nothing changed. */
  private boolean apply(String workspace, ValidContact change, Instant now) {
    Optional<ContactRecord> existing =
        contacts.find(workspace, new ContactIdentity.ByExternalId(change.externalId()));
    if (existing.isEmpty() && change.email() != null) {
      existing = contacts.find(workspace, new ContactIdentity.ByEmail(change.email()));
    }
    ContactRecord before =
        existing.orElseGet(
            () -> new ContactRecord(newContactIds.get(), null, List.of(), Contact.EMPTY, now, now));
    var externalIds = new ArrayList<ExternalId>();
    for (ExternalId id : before.externalIds()) {
      if (!id.source().equals(change.externalId().source())) {
        externalIds.add(id);
      }
    }
    externalIds.add(change.externalId());
    var attributes = new HashMap<>(before.profile().attributes());
    attributes.putAll(change.attributes());
    var tags = new LinkedHashSet<>(before.profile().tags());
    tags.addAll(change.addTags());
    change.removeTags().forEach(tags::remove);
    String email = change.email() != null ? change.email() : before.email();
    var profile = new Contact(attributes, tags);
    if (existing.isPresent()
        && java.util.Objects.equals(email, before.email())
        && new LinkedHashSet<>(externalIds).equals(new LinkedHashSet<>(before.externalIds()))
        && profile.equals(before.profile())) {
      return false; // a re-sync of an unchanged contact writes nothing
    }
    contacts.save(
        workspace,
        new ContactRecord(before.id(), email, externalIds, profile, before.createdAt(), now));
    refreshQueue.mark(workspace, List.of(before.id()), now);
    return true;
  }

  private static ValidContact checkContact(VendorContact contact, List<Problem> problems) {
    var identity = new LinkedHashMap<String, Object>();
    identity.put(
        "externalId",
        Map.of("source", contact.externalId().source(), "id", contact.externalId().id()));
    if (contact.email() != null) {
      identity.put("email", contact.email());
    }
    IdentityReader.Identities read = IdentityReader.read(identity, "", problems);
    Map<String, Value> attributes = Map.of();
    switch (ContactReader.read(Map.of("attributes", contact.attributes()))) {
      case Read.Invalid<Contact>(List<Problem> found) -> problems.addAll(found);
      case Read.Valid<Contact>(Contact valid) -> attributes = valid.attributes();
    }
    List<String> addTags = tags(contact.addTags(), "addTags", problems);
    List<String> removeTags = tags(contact.removeTags(), "removeTags", problems);
    if (!problems.isEmpty()) {
      return null;
    }
    return new ValidContact(read.externalId(), read.email(), attributes, addTags, removeTags);
  }

  private static List<String> tags(List<String> tags, String path, List<Problem> problems) {
    var out = new ArrayList<String>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || tag.isBlank()) {
        problems.add(new Problem(path + "[" + i + "]", "must be a non-empty string"));
      } else if (tag.length() > ContactReader.MAX_TAG) {
        problems.add(
            new Problem(
                path + "[" + i + "]", "must be at most " + ContactReader.MAX_TAG + " characters"));
      } else if (StoredText.problem(tag).isPresent()) {
        problems.add(new Problem(path + "[" + i + "]", StoredText.problem(tag).get()));
      } else {
        out.add(tag.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** A vendor event as the tree {@code POST /v1/events} takes, for the same validation. */
  private static Map<String, Object> tree(VendorEvent event) {
    var tree = new LinkedHashMap<String, Object>();
    if (event.eventKey() != null) {
      tree.put("eventKey", event.eventKey());
    }
    tree.put("type", event.type());
    tree.put("occurredAt", event.occurredAt().toString());
    tree.put(
        "contact",
        switch (event.contact()) {
          case ContactIdentity.ById(String id) -> Map.of("id", id);
          case ContactIdentity.ByEmail(String email) -> Map.of("email", email);
          case ContactIdentity.ByExternalId(ExternalId id) ->
              Map.of("externalId", Map.of("source", id.source(), "id", id.id()));
        });
    if (!event.properties().isEmpty()) {
      tree.put("properties", event.properties());
    }
    return tree;
  }

  private static String join(List<Problem> problems) {
    return String.join("; ", problems.stream().map(Problem::toString).toList());
  }
}
