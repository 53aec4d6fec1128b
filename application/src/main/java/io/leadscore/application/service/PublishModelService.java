package io.leadscore.application.service;

import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.job.RescoreJobHandler;
import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.Publication;
import io.leadscore.application.port.in.PublishModelUseCase;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.StoredModel;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.scoring.LiveModels;
import java.time.Clock;
import java.time.Instant;

/**
 * Makes a version live and queues its re-score job, in one transaction: a publish never goes live
 * without the job that brings the materialised scores along.
 */
public final class PublishModelService implements PublishModelUseCase {
  private final Transactions transactions;
  private final ModelRepository models;
  private final JobRepository jobs;
  private final LiveModels liveModels;
  private final Clock clock;

  public PublishModelService(
      Transactions transactions,
      ModelRepository models,
      JobRepository jobs,
      LiveModels liveModels,
      Clock clock) {
    this.transactions = transactions;
    this.models = models;
    this.jobs = jobs;
    this.liveModels = liveModels;
    this.clock = clock;
  }

  @Override
  public Publication publishDraft(String workspace, String modelId) {
    return transactions.inTransaction(
        () -> {
          StoredModel model = find(workspace, modelId);
          if (model.draft() == null) {
            throw new ConflictException("model " + modelId + " has no draft to publish");
          }
          liveModels.read(model.draft(), modelId); // the language may have changed since
          Instant now = clock.instant();
          int version = models.addVersion(workspace, modelId, model.draft(), now);
          return goLive(workspace, modelId, version, now);
        });
  }

  @Override
  public Publication publishVersion(String workspace, String modelId, int version) {
    return transactions.inTransaction(
        () -> {
          StoredModel model = find(workspace, modelId);
          if (version < 1 || version > model.versions().size()) {
            throw new NotFoundException("version of model " + modelId, Integer.toString(version));
          }
          return goLive(workspace, modelId, version, clock.instant());
        });
  }

  private StoredModel find(String workspace, String modelId) {
    return models
        .find(workspace, modelId)
        .orElseThrow(() -> new NotFoundException("model", modelId));
  }

  private Publication goLive(String workspace, String modelId, int version, Instant now) {
    models.setLive(workspace, modelId, version, now);
    Job job = Job.queued(RandomIds.jobId(), workspace, RescoreJobHandler.KIND, modelId, now);
    jobs.enqueue(job);
    return new Publication(modelId, version, job);
  }
}
