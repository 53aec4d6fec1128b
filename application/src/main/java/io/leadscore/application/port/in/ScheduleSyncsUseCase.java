package io.leadscore.application.port.in;

/**
 * Queues the syncs that sources' schedules say are due, to be called periodically by every node (a
 * minute apart is plenty): each due source's next sync time is moved by compare-and-set in the same
 * transaction as its job is queued, so of several nodes calling at once exactly one queues it.
 */
public interface ScheduleSyncsUseCase {
  /**
   * Queues every due sync (at most a few hundred per call).
   *
   * @return how many syncs this call queued
   */
  int enqueueDue();
}
