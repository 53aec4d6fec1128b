package io.leadscore.application.port.in;

import io.leadscore.application.port.out.Job;

/**
 * Syncs a vendor source: pulls its contacts and events page by page from where its last sync
 * stopped, storing each page, and the cursor after it, in one transaction (http-api.md, "Sources").
 * A re-run never counts an event twice. Progress, counts ({@code pages, contacts, events,
 * duplicates, rejected}) and errors go to the job record.
 */
public interface SyncSourceUseCase {
  /**
   * Queues a sync ({@code POST /v1/sources/{id}/sync}: 202 with the job); a node's job runner runs
   * it.
   *
   * @throws NotFoundException when the workspace has no such source
   */
  Job start(String workspace, String sourceId);

  /**
   * Runs a sync on the calling thread to its end (the CLI's {@code sync --source ID}), with no job
   * queued; the answer is the finished job, failed with its errors when the vendor failed.
   *
   * @throws NotFoundException when there is no such source
   */
  Job runNow(String sourceId);
}
