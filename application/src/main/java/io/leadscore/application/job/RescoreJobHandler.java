package io.leadscore.application.job;

import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.application.scoring.Rescorer;
import java.time.Clock;

/**
 * Runs {@code rescore} jobs: every contact of the job's workspace under the live version of the
 * job's model (the version live when the job runs, so a publish followed quickly by a roll back
 * ends on the rolled-back version).
 */
public final class RescoreJobHandler implements JobHandler {
  /** The job kind that re-scores every contact under a model's live version. */
  public static final String KIND = "rescore";

  private final LiveModels liveModels;
  private final Rescorer rescorer;

  public RescoreJobHandler(
      Transactions transactions,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      Notifier notifier,
      ScoreRefreshQueue refreshQueue,
      LiveModels liveModels,
      Clock clock) {
    this.liveModels = liveModels;
    this.rescorer =
        new Rescorer(
            transactions, contacts, events, scores, notifier, refreshQueue, liveModels, clock);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job, Progress progress) {
    LiveModels.Live live = liveModels.requireLive(job.workspace(), job.subject());
    rescorer.rescore(
        job.workspace(),
        live,
        (done, total, changes) -> progress.report(done, total, Rescorer.counts(done, changes)));
  }
}
