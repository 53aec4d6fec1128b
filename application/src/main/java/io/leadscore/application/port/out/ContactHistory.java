package io.leadscore.application.port.out;

import io.leadscore.domain.event.Event;
import java.util.List;
import java.util.Objects;

/**
 * A contact with all its events, in the engine's order ({@link Event#ORDER}).
 *
 * @param revision the contact's revision ({@link ContactRepository#touch}) when it was read, or an
 *     earlier one: never later than the events and profile it comes with
 */
public record ContactHistory(ContactRecord contact, List<Event> events, long revision) {
  public ContactHistory {
    Objects.requireNonNull(contact, "contact");
    events = List.copyOf(events);
  }

  /** A history of revision 0 (stores that keep no revisions). */
  public ContactHistory(ContactRecord contact, List<Event> events) {
    this(contact, events, 0);
  }
}
