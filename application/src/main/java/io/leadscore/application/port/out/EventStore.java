package io.leadscore.application.port.out;

import io.leadscore.domain.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The append-only record of what contacts did. Unique per (workspace, eventKey). */
public interface EventStore {
  /**
   * Appends events whose contacts exist. An event whose key is already stored in the workspace (by
   * an earlier call, a concurrent one, or earlier in the same list) is not stored again.
   *
   * @return for each event, in order, true when this call stored it, false for a duplicate
   */
  boolean[] append(String workspace, List<NewEvent> events, Instant receivedAt);

  /** A contact's events in the engine's order; empty for an unknown contact. */
  List<Event> history(String workspace, String contactId);

  /**
   * Every contact of the workspace with its events, one contact at a time, read through a cursor:
   * memory holds one contact's history, however many events there are. Close the stream.
   */
  Stream<ContactHistory> histories(String workspace);

  /** The histories of these contacts (unknown ids are left out), in no particular order. */
  List<ContactHistory> histories(String workspace, List<String> contactIds);

  /** Deletes every event of a contact; returns how many. */
  int eraseContact(String workspace, String contactId);
}
