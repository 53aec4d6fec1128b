package io.leadscore.application.service;

import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.job.SyncJobHandler;
import io.leadscore.application.port.in.ScheduleSyncsUseCase;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;

/**
 * Queues due syncs (see {@link ScheduleSyncsUseCase}): for each due source, in one transaction,
 * moves its next sync time to the schedule's next instant by compare-and-set and, only when that
 * won, queues its {@code sync} job. A node that lost the race queues nothing for that source.
 */
public final class ScheduleSyncsService implements ScheduleSyncsUseCase {
  /** How many due sources one call looks at. */
  static final int BATCH = 200;

  private final Transactions transactions;
  private final SourceRepository sources;
  private final JobRepository jobs;
  private final Clock clock;

  public ScheduleSyncsService(
      Transactions transactions, SourceRepository sources, JobRepository jobs, Clock clock) {
    this.transactions = transactions;
    this.sources = sources;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public int enqueueDue() {
    Instant now = clock.instant();
    int queued = 0;
    for (Source source : sources.due(now, BATCH)) {
      boolean won =
          transactions.inTransaction(
              () -> {
                Instant next = source.schedule().nextAfter(now).orElse(null);
                if (!sources.reschedule(
                    source.workspace(), source.id(), source.nextSyncAt(), next)) {
                  return false;
                }
                jobs.enqueue(
                    Job.queued(
                        RandomIds.jobId(),
                        source.workspace(),
                        SyncJobHandler.KIND,
                        source.id(),
                        now));
                return true;
              });
      if (won) {
        queued++;
      }
    }
    return queued;
  }
}
