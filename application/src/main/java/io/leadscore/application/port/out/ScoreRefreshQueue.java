package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.ArrayList;
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

  /** A time after every mark: claims with it take marks of any age. */
  Instant EVERY_MARK = Instant.parse("9999-12-31T00:00:00Z");

  /**
   * The workspaces with marks made at or before {@code markedBefore}, the one whose oldest such
   * mark is oldest first, at most {@code limit}: the order in which a refresh round visits them.
   * Claims nothing.
   */
  List<String> dueWorkspaces(int limit, Instant markedBefore);

  /**
   * Claims and removes up to {@code limit} of one workspace's contacts first marked at or before
   * {@code markedBefore}, oldest first, skipping entries another transaction holds. Call inside the
   * transaction that refreshes them: if it rolls back, they stay queued. A contact that keeps
   * receiving events keeps its first mark's time, so with a settle period it is refreshed once per
   * period instead of once per write.
   */
  List<String> claim(String workspace, int limit, Instant markedBefore);

  /** As {@link #claim(int, Instant)} for marks of any age. */
  default List<ContactRef> claim(int limit) {
    return claim(limit, EVERY_MARK);
  }

  /**
   * Claims up to {@code limit} entries marked at or before {@code markedBefore}, workspace by
   * workspace in {@link #dueWorkspaces} order, each oldest first.
   */
  default List<ContactRef> claim(int limit, Instant markedBefore) {
    var claimed = new ArrayList<ContactRef>();
    for (String workspace : dueWorkspaces(limit, markedBefore)) {
      if (claimed.size() >= limit) {
        break;
      }
      for (String contact : claim(workspace, limit - claimed.size(), markedBefore)) {
        claimed.add(new ContactRef(workspace, contact));
      }
    }
    return claimed;
  }

  /** Removes a contact's entry, if any (erasing the contact). Call inside a transaction. */
  void forget(String workspace, String contactId);

  /** How many contacts are waiting. */
  long size();
}
