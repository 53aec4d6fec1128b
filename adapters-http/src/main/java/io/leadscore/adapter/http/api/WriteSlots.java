package io.leadscore.adapter.http.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The slots for writes running at once, shared fairly between workspaces: at most {@code total} in
 * all and at most {@code perWorkspace} for any one workspace, so one workspace (however many
 * requests it sends, however slowly it uploads them) always leaves {@code total - perWorkspace}
 * slots to the others. Memory holds only the workspaces writing now. Thread-safe.
 */
final class WriteSlots {
  private final int total;
  private final int perWorkspace;
  private final Map<String, Integer> held = new HashMap<>();
  private int used;

  WriteSlots(int total, int perWorkspace) {
    if (total < 1 || perWorkspace < 1 || perWorkspace > total) {
      throw new IllegalArgumentException(
          "total, perWorkspace: need 1 <= perWorkspace <= total, were "
              + total
              + ", "
              + perWorkspace);
    }
    this.total = total;
    this.perWorkspace = perWorkspace;
  }

  /**
   * Takes a slot for {@code workspace}; false when all are taken or the workspace has its share.
   */
  synchronized boolean tryAcquire(String workspace) {
    int mine = held.getOrDefault(workspace, 0);
    if (used >= total || mine >= perWorkspace) {
      return false;
    }
    used++;
    held.put(workspace, mine + 1);
    return true;
  }

  /** Gives back a slot {@link #tryAcquire} gave {@code workspace}. */
  synchronized void release(String workspace) {
    Integer mine = held.get(workspace);
    if (mine == null) {
      throw new IllegalStateException("no slot held by " + workspace);
    }
    used--;
    if (mine == 1) {
      held.remove(workspace);
    } else {
      held.put(workspace, mine - 1);
    }
  }

  /** Slots taken now, in all. */
  synchronized int used() {
    return used;
  }
}
