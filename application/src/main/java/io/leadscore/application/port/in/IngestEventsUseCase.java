package io.leadscore.application.port.in;

/**
 * Ingests one event or a batch of up to {@value #MAX_BATCH}: resolves each event's contact
 * (creating unknown ones), stores each valid event once per eventKey (derived from its content when
 * absent), and reports invalid events by index. Returns only once the stored events are durable
 * (committed); a failure before that stores none of them.
 *
 * @throws TooLargeException for more than {@value #MAX_BATCH} events
 */
public interface IngestEventsUseCase {
  int MAX_BATCH = 1000;

  IngestResult ingest(IngestEventsCommand command);
}
