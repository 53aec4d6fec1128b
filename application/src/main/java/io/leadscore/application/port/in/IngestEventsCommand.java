package io.leadscore.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * Events to ingest, as generic trees (http-api.md, "Identity and idempotency"): each {@code
 * {eventKey?, type, occurredAt, contact: {id | email | externalId: {source, id}}, properties?}}.
 *
 * @param source where they come from: {@code api}, or a source's id for a sync or an inbound hook;
 *     part of the derived event key
 */
public record IngestEventsCommand(String workspace, String source, List<?> events) {
  public IngestEventsCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(source, "source");
    events = List.copyOf(events);
  }
}
