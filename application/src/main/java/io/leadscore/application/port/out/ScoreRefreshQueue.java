package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Contacts whose materialised scores are stale (new events, a changed profile, decay due). Marking
 * happens in the transaction that made the change; a marked contact stays claimed-proof (locked)
 * until that transaction ends, so a refresh never misses a change it could not yet see.
 */
public interface ScoreRefreshQueue {
  /** Marks contacts stale; marking one twice keeps one entry. Call inside a transaction. */
  void mark(String workspace, Collection<String> contactIds, Instant at);

  /**
   * Claims and removes up to {@code limit} entries, oldest first, skipping entries another
   * transaction holds. Call inside the transaction that refreshes them: if it rolls back, they stay
   * queued.
   */
  List<ContactRef> claim(int limit);

  /**
   * As {@link #claim(int)}, taking only contacts first marked at or before {@code markedBefore}: a
   * contact that keeps receiving events is then refreshed once per settle period instead of once
   * per write (its mark keeps the time it was first made).
   */
  List<ContactRef> claim(int limit, Instant markedBefore);

  /** Removes a contact's entry, if any (erasing the contact). Call inside a transaction. */
  void forget(String workspace, String contactId);

  /** How many contacts are waiting. */
  long size();
}
