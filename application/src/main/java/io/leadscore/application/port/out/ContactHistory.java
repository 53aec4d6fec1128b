package io.leadscore.application.port.out;

import io.leadscore.domain.event.Event;
import java.util.List;
import java.util.Objects;

/** A contact with all its events, in the engine's order ({@link Event#ORDER}). */
public record ContactHistory(ContactRecord contact, List<Event> events) {
  public ContactHistory {
    Objects.requireNonNull(contact, "contact");
    events = List.copyOf(events);
  }
}
