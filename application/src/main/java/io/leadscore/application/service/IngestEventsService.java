package io.leadscore.application.service;

import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestEventsUseCase;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.application.port.in.IngestResult.RejectedEvent;
import io.leadscore.application.port.in.TooLargeException;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.NewEvent;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.reading.EventReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ingests events: validates each (problems by index), derives missing event keys, then in one
 * transaction resolves contacts (creating unknown ones), appends the events (duplicates skipped by
 * the store) and marks the contacts whose history grew for a score refresh. The answer is given
 * after the commit, so an acknowledged event is durable. Thread-safe.
 */
public final class IngestEventsService implements IngestEventsUseCase {
  private static final String PLACEHOLDER_KEY = "pending";

  private final Transactions transactions;
  private final ContactRepository contacts;
  private final EventStore events;
  private final ScoreRefreshQueue refreshQueue;
  private final Clock clock;

  public IngestEventsService(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue refreshQueue,
      Clock clock) {
    this.transactions = transactions;
    this.contacts = contacts;
    this.events = events;
    this.refreshQueue = refreshQueue;
    this.clock = clock;
  }

  /** A valid event and the identity of its contact. */
  private record Valid(ContactIdentity identity, Event event) {}

  @Override
  public IngestResult ingest(IngestEventsCommand command) {
    if (command.events().size() > MAX_BATCH) {
      throw new TooLargeException(
          "a batch holds at most "
              + MAX_BATCH
              + " events, this one has "
              + command.events().size());
    }
    var valid = new ArrayList<Valid>(command.events().size());
    var rejected = new ArrayList<RejectedEvent>();
    for (int index = 0; index < command.events().size(); index++) {
      var problems = new ArrayList<Problem>();
      Valid event = read(command.source(), command.events().get(index), problems);
      if (event == null) {
        rejected.add(new RejectedEvent(index, problems));
      } else {
        valid.add(event);
      }
    }
    if (valid.isEmpty()) {
      return new IngestResult(0, 0, rejected);
    }
    Instant now = clock.instant();
    int accepted =
        transactions.inTransaction(() -> store(command.workspace(), command.source(), valid, now));
    return new IngestResult(accepted, valid.size() - accepted, rejected);
  }

  private int store(String workspace, String source, List<Valid> valid, Instant now) {
    var identities = new LinkedHashSet<ContactIdentity>();
    valid.forEach(event -> identities.add(event.identity()));
    Map<ContactIdentity, String> contactIds =
        contacts.resolve(workspace, List.copyOf(identities), RandomIds::contactId, now);
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
      refreshQueue.mark(workspace, grown, now);
    }
    return accepted;
  }

  /** Reads one event tree; null with problems when it is invalid. */
  private static Valid read(String source, Object tree, List<Problem> problems) {
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
    Read<Event> read = EventReader.read(eventTree, java.util.Set.of("contact"));
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
        return new Valid(Objects.requireNonNull(identity), keyed);
      }
    }
  }
}
