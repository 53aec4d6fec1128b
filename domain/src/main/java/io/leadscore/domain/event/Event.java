package io.leadscore.domain.event;

import io.leadscore.domain.model.condition.Value;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * Something a contact did (scoring-model.md, "Events"): a unique {@code eventKey}, a lower-case
 * dotted {@code type}, when it happened and its properties. Immutable. User input is checked by
 * {@code EventReader}; this constructor only guards against nulls.
 */
public record Event(
    String eventKey, String type, Instant occurredAt, Map<String, Value> properties) {

  /** The engine's order: {@code occurredAt}, then {@code eventKey} in code-point order. */
  public static final Comparator<Event> ORDER = Event::compareOrder;

  /** Compares two events in the engine's order; see {@link #ORDER}. */
  public static int compareOrder(Event a, Event b) {
    int byTime = a.occurredAt.compareTo(b.occurredAt);
    return byTime != 0 ? byTime : a.eventKey.compareTo(b.eventKey);
  }

  public Event {
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    properties = Map.copyOf(properties);
  }
}
