package io.leadscore.application.service;

import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.job.RescoreJobHandler;
import io.leadscore.application.port.in.RescoreModelUseCase;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobState;
import java.time.Clock;
import java.util.List;

/**
 * Re-scores a workspace under a model's live version on the calling thread: the work of a {@code
 * rescore} job, run without queueing one (the CLI's {@code rescore}).
 */
public final class RescoreModelService implements RescoreModelUseCase {
  private final RescoreJobHandler rescoreJobs;
  private final Clock clock;

  public RescoreModelService(RescoreJobHandler rescoreJobs, Clock clock) {
    this.rescoreJobs = rescoreJobs;
    this.clock = clock;
  }

  @Override
  public Job rescore(String workspace, String modelId) {
    Job[] job = {
      Job.queued(RandomIds.jobId(), workspace, RescoreJobHandler.KIND, modelId, clock.instant())
    };
    rescoreJobs.run(
        job[0],
        (done, total, counts, errors) -> {
          job[0] = job[0].withProgress(done, total, counts).withErrors(errors);
          return true;
        });
    return job[0].finished(JobState.SUCCEEDED, List.of(), clock.instant());
  }
}
