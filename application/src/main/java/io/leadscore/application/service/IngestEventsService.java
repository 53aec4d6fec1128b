package io.leadscore.application.service;

import io.leadscore.application.ingest.EventBatch;
import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestEventsUseCase;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.application.port.in.TooLargeException;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;

/**
 * Ingests events: validates each (problems by index), derives missing event keys, then in one
 * transaction resolves contacts (creating unknown ones), appends the events (duplicates skipped by
 * the store) and marks the contacts whose history grew for a score refresh ({@link EventBatch}, the
 * path syncs and inbound hooks share). The answer is given after the commit, so an acknowledged
 * event is durable. Thread-safe.
 */
public final class IngestEventsService implements IngestEventsUseCase {
  private final Transactions transactions;
  private final EventBatch batches;
  private final Clock clock;

  public IngestEventsService(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue refreshQueue,
      Clock clock) {
    this.transactions = transactions;
    this.batches = new EventBatch(contacts, events, refreshQueue, RandomIds::contactId);
    this.clock = clock;
  }

  @Override
  public IngestResult ingest(IngestEventsCommand command) {
    if (command.events().size() > MAX_BATCH) {
      throw new TooLargeException(
          "a batch holds at most "
              + MAX_BATCH
              + " events, this one has "
              + command.events().size());
    }
    EventBatch.Parsed parsed = EventBatch.read(command.source(), command.events());
    if (parsed.valid().isEmpty()) {
      return new IngestResult(0, 0, parsed.rejected());
    }
    Instant now = clock.instant();
    EventBatch.Stored stored =
        EventBatch.inTransactionRetryingErasures(
            transactions,
            () -> batches.store(command.workspace(), command.source(), parsed.valid(), now));
    return new IngestResult(stored.accepted(), stored.duplicates(), parsed.rejected());
  }
}
