package io.leadscore.application.ingest;

import io.leadscore.application.port.in.IngestResult.RejectedEvent;
import io.leadscore.application.port.out.ContactErasedException;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.NewEvent;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.StorageUnavailableException;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.reading.EventReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one idempotent way events enter the store (http-api.md, "Identity and idempotency"), shared
 * by API ingest, vendor syncs and inbound hooks. {@link #read} validates event trees ({@code
 * {eventKey?, type, occurredAt, contact, properties?}}) and derives the key of each event sent
 * without one; {@link #store} then, in the caller's transaction, resolves the contacts (creating
 * unknown ones), appends the events (a key already stored is a duplicate, not an error) and marks
 * the contacts whose history grew for a score refresh. Thread-safe.
 */
public final class EventBatch {
  private static final String PLACEHOLDER_KEY = "pending";

  /** Runs of a storing transaction that met an erase before the answer is a retryable 503. */
  public static final int MAX_RUNS = 3;

  private final ContactRepository contacts;
  private final EventStore events;
  private final ScoreRefreshQueue refreshQueue;
  private final Supplier<String> newContactIds;

  /**
   * @param newContactIds ids for contacts created for an unknown e-mail or external id
   */
  public EventBatch(
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue refreshQueue,
      Supplier<String> newContactIds) {
    this.contacts = contacts;
    this.events = events;
    this.refreshQueue = refreshQueue;
    this.newContactIds = newContactIds;
  }

  /** A valid event, keyed, and the identity of its contact. */
  public record Valid(ContactIdentity identity, Event event) {
    public Valid {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(event, "event");
    }
  }

  /** The events of a batch that can be stored, and the others by index with every problem. */
  public record Parsed(List<Valid> valid, List<RejectedEvent> rejected) {
    public Parsed {
      valid = List.copyOf(valid);
      rejected = List.copyOf(rejected);
    }
  }

  /** What {@link #store} did: events stored now, and events whose key was already stored. */
  public record Stored(int accepted, int duplicates) {}

  /**
   * Validates event trees; never throws on any input.
   *
   * @param source where they come from ({@code api} or a source's id): part of derived keys
   */
  public static Parsed read(String source, List<?> trees) {
    var valid = new ArrayList<Valid>(trees.size());
    var rejected = new ArrayList<RejectedEvent>();
    for (int index = 0; index < trees.size(); index++) {
      var problems = new ArrayList<Problem>();
      Valid event = readOne(source, trees.get(index), problems);
      if (event == null) {
        rejected.add(new RejectedEvent(index, problems));
      } else {
        valid.add(event);
      }
    }
    return new Parsed(valid, rejected);
  }

  /**
   * Stores valid events, as one unit with the caller's transaction (call it inside one).
   *
   * @param source recorded with each event ({@code api} or a source's id)
   */
  public Stored store(String workspace, String source, List<Valid> valid, Instant now) {
    if (valid.isEmpty()) {
      return new Stored(0, 0);
    }
    var identities = new LinkedHashSet<ContactIdentity>();
    valid.forEach(event -> identities.add(event.identity()));
    Map<ContactIdentity, String> contactIds =
        contacts.resolve(workspace, List.copyOf(identities), newContactIds, now);
    var batch = new ArrayList<NewEvent>(valid.size());
    for (Valid event : valid) {
      batch.add(new NewEvent(contactIds.get(event.identity()), source, event.event()));
    }
    boolean[] stored = events.append(workspace, batch, now);
    var grown = new LinkedHashSet<String>();
    int accepted = 0;
    for (int i = 0; i < stored.length; i++) {
      if (stored[i]) {
        accepted++;
        grown.add(batch.get(i).contactId());
      }
    }
    if (!grown.isEmpty()) {
      contacts.touch(workspace, grown);
      refreshQueue.mark(workspace, grown, now);
    }
    return new Stored(accepted, valid.size() - accepted);
  }

  /**
   * Runs {@code work} (which calls {@link #store}) in a transaction, again from the start when a
   * contact it resolved was erased before it could be locked (then its identity resolves to a new
   * contact), at most {@value #MAX_RUNS} times; after that the database counts as busy.
   *
   * @throws StorageUnavailableException when every run met an erase
   */
  public static <T> T inTransactionRetryingErasures(Transactions transactions, Supplier<T> work) {
    for (int run = 1; ; run++) {
      try {
        return transactions.inTransaction(work);
      } catch (ContactErasedException e) {
        if (run == MAX_RUNS) {
          throw new StorageUnavailableException(
              "contacts were erased while events were stored for them, " + run + " times", e);
        }
      }
    }
  }

  /** Reads one event tree; null with problems when it is invalid. */
  private static Valid readOne(String source, Object tree, List<Problem> problems) {
    if (!(tree instanceof Map<?, ?> map)) {
      problems.add(new Problem("", "must be an event object"));
      return null;
    }
    ContactIdentity identity = null;
    if (map.containsKey("contact")) {
      identity = IdentityReader.readOne(map.get("contact"), "contact", problems);
    } else {
      problems.add(new Problem("contact", "required"));
    }
    boolean derivedKey = !map.containsKey("eventKey");
    Object eventTree = tree;
    if (derivedKey) {
      var copy = new LinkedHashMap<Object, Object>(map);
      copy.put("eventKey", PLACEHOLDER_KEY);
      eventTree = copy;
    }
    Read<Event> read = EventReader.read(eventTree, Set.of("contact"));
    switch (read) {
      case Read.Invalid<Event>(List<Problem> eventProblems) -> {
        problems.addAll(eventProblems);
        return null;
      }
      case Read.Valid<Event>(Event event) -> {
        if (identity == null) {
          return null;
        }
        // stores keep microseconds (both databases do), so an event scores the same before and
        // after a round trip through storage
        var stored =
            new Event(
                event.eventKey(),
                event.type(),
                event.occurredAt().truncatedTo(ChronoUnit.MICROS),
                event.properties());
        Event keyed =
            derivedKey
                ? new Event(
                    DerivedEventKeys.of(source, identity, stored),
                    stored.type(),
                    stored.occurredAt(),
                    stored.properties())
                : stored;
        return new Valid(identity, keyed);
      }
    }
  }
}
