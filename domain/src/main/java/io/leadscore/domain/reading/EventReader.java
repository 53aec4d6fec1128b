package io.leadscore.domain.reading;

import io.leadscore.domain.event.Event;
import java.util.Set;

/**
 * STUB (cli branch only, so that bootstrap compiles): the real reader is being written on another
 * branch and replaces this file when main is merged. Reads one event ({@code eventKey, type,
 * occurredAt, properties}) from a generic tree; problem paths are relative to the event.
 */
public final class EventReader {
  private EventReader() {}

  /** Reads one event; keys in {@code allowedExtraKeys} (such as {@code contact}) are ignored. */
  public static Read<Event> read(Object tree, Set<String> allowedExtraKeys) {
    throw new UnsupportedOperationException("stub: being implemented");
  }
}
