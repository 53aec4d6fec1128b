package io.leadscore.application.service;

import io.leadscore.application.job.RescoreJobHandler;
import io.leadscore.application.port.in.RescoreModelUseCase;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobState;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.application.scoring.Rescorer;
import java.time.Clock;
import java.util.List;

/** Re-scores a workspace under a model's live version on the calling thread. */
public final class RescoreModelService implements RescoreModelUseCase {
  private final LiveModels liveModels;
  private final Rescorer rescorer;
  private final Clock clock;

  public RescoreModelService(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      Notifier notifier,
      LiveModels liveModels,
      Clock clock) {
    this.liveModels = liveModels;
    this.rescorer = new Rescorer(transactions, contacts, events, scores, notifier, clock);
    this.clock = clock;
  }

  @Override
  public Job rescore(String workspace, String modelId) {
    LiveModels.Live live = liveModels.requireLive(workspace, modelId);
    Job job =
        Job.queued(RandomIds.jobId(), workspace, RescoreJobHandler.KIND, modelId, clock.instant());
    long[] figures = new long[3];
    rescorer.rescore(
        workspace,
        live,
        (done, total, changes) -> {
          figures[0] = done;
          figures[1] = total;
          figures[2] = changes;
          return true;
        });
    return job.withProgress(figures[0], figures[1], Rescorer.counts(figures[0], figures[2]))
        .finished(JobState.SUCCEEDED, List.of(), clock.instant());
  }
}
