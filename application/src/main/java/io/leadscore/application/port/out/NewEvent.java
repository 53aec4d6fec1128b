package io.leadscore.application.port.out;

import io.leadscore.domain.event.Event;
import java.util.Objects;

/**
 * An event to append for a resolved contact.
 *
 * @param source where it came from ({@code api} or a source's id)
 */
public record NewEvent(String contactId, String source, Event event) {
  public NewEvent {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(event, "event");
  }
}
