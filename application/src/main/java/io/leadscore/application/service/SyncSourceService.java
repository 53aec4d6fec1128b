package io.leadscore.application.service;

import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.job.JobErrors;
import io.leadscore.application.job.SyncJobHandler;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.SyncSourceUseCase;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.JobState;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import java.time.Clock;
import java.util.List;

/**
 * Starts syncs (a queued {@code sync} job for a node's runner) or runs one on the calling thread,
 * with the work of {@link SyncJobHandler} either way.
 */
public final class SyncSourceService implements SyncSourceUseCase {
  private final SourceRepository sources;
  private final JobRepository jobs;
  private final SyncJobHandler syncJobs;
  private final Clock clock;

  public SyncSourceService(
      SourceRepository sources, JobRepository jobs, SyncJobHandler syncJobs, Clock clock) {
    this.sources = sources;
    this.jobs = jobs;
    this.syncJobs = syncJobs;
    this.clock = clock;
  }

  @Override
  public Job start(String workspace, String sourceId) {
    if (sources.find(workspace, sourceId).isEmpty()) {
      throw new NotFoundException("source", sourceId);
    }
    Job job =
        Job.queued(RandomIds.jobId(), workspace, SyncJobHandler.KIND, sourceId, clock.instant());
    jobs.enqueue(job);
    return job;
  }

  @Override
  public Job runNow(String sourceId) {
    Source source =
        sources.findById(sourceId).orElseThrow(() -> new NotFoundException("source", sourceId));
    Job[] job = {
      Job.queued(
          RandomIds.jobId(), source.workspace(), SyncJobHandler.KIND, sourceId, clock.instant())
    };
    try {
      syncJobs.run(
          job[0],
          (done, total, counts, errors) -> {
            job[0] = job[0].withProgress(done, total, counts).withErrors(errors);
            return true;
          });
    } catch (RuntimeException e) {
      Job failed = job[0].withErrors(List.of(JobErrors.plain(e)));
      return failed.finished(JobState.FAILED, failed.errors(), clock.instant());
    }
    return job[0].finished(JobState.SUCCEEDED, job[0].errors(), clock.instant());
  }
}
