package io.leadscore.bootstrap.module;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.leadscore.adapter.http.json.JacksonDocumentReader;
import io.leadscore.application.egress.EgressPolicy;
import io.leadscore.application.job.JobHandler;
import io.leadscore.application.job.RescoreJobHandler;
import io.leadscore.application.job.SyncJobHandler;
import io.leadscore.application.port.in.AuthenticateUseCase;
import io.leadscore.application.port.in.ConfigureSourceUseCase;
import io.leadscore.application.port.in.CreateWorkspaceUseCase;
import io.leadscore.application.port.in.DeliverWebhooksUseCase;
import io.leadscore.application.port.in.EraseContactUseCase;
import io.leadscore.application.port.in.FindContactUseCase;
import io.leadscore.application.port.in.GetJobUseCase;
import io.leadscore.application.port.in.GetModelUseCase;
import io.leadscore.application.port.in.IngestEventsUseCase;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.in.ManageWebhooksUseCase;
import io.leadscore.application.port.in.PublishModelUseCase;
import io.leadscore.application.port.in.ReadLeaderboardUseCase;
import io.leadscore.application.port.in.ReceiveVendorHookUseCase;
import io.leadscore.application.port.in.RefreshScoresUseCase;
import io.leadscore.application.port.in.RescoreModelUseCase;
import io.leadscore.application.port.in.RunJobsUseCase;
import io.leadscore.application.port.in.SaveModelDraftUseCase;
import io.leadscore.application.port.in.ScheduleSyncsUseCase;
import io.leadscore.application.port.in.ScoreContactUseCase;
import io.leadscore.application.port.in.ScoreDistributionUseCase;
import io.leadscore.application.port.in.ScoreTimelineUseCase;
import io.leadscore.application.port.in.SimulateModelUseCase;
import io.leadscore.application.port.in.SyncSourceUseCase;
import io.leadscore.application.port.in.UpsertContactUseCase;
import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.DeliveryBackoff;
import io.leadscore.application.port.out.DocumentReader;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WebhookSender;
import io.leadscore.application.port.out.WorkspaceRepository;
import io.leadscore.application.port.out.vendor.VendorConnectorFactory;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.application.service.AuthenticateService;
import io.leadscore.application.service.ConfigureSourceService;
import io.leadscore.application.service.CreateWorkspaceService;
import io.leadscore.application.service.DeliverWebhooksService;
import io.leadscore.application.service.EraseContactService;
import io.leadscore.application.service.FindContactService;
import io.leadscore.application.service.GetJobService;
import io.leadscore.application.service.GetModelService;
import io.leadscore.application.service.IngestEventsService;
import io.leadscore.application.service.ManageApiKeysService;
import io.leadscore.application.service.ManageWebhooksService;
import io.leadscore.application.service.PublishModelService;
import io.leadscore.application.service.ReadLeaderboardService;
import io.leadscore.application.service.ReceiveVendorHookService;
import io.leadscore.application.service.RefreshScoresService;
import io.leadscore.application.service.RescoreModelService;
import io.leadscore.application.service.RunJobsService;
import io.leadscore.application.service.SaveModelDraftService;
import io.leadscore.application.service.ScheduleSyncsService;
import io.leadscore.application.service.ScoreContactService;
import io.leadscore.application.service.ScoreDistributionService;
import io.leadscore.application.service.ScoreTimelineService;
import io.leadscore.application.service.SimulateModelService;
import io.leadscore.application.service.SyncSourceService;
import io.leadscore.application.service.UpsertContactService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The use cases, each bound to its service on the ports the other modules provide. Providers only
 * call constructors (style.md, "Wiring"): no I/O here.
 */
public final class ApplicationModule extends AbstractModule {
  /**
   * How old a contact's first unrefreshed mark must be before the refresh takes it: a contact
   * written to many times a second is re-scored about once a second, not once per write, so a bulk
   * ingest does not spend its cores re-scoring the same histories (docs/operations.md).
   */
  static final Duration REFRESH_SETTLE = Duration.ofSeconds(1);

  @Provides
  @Singleton
  DocumentReader documents() {
    return new JacksonDocumentReader();
  }

  @Provides
  @Singleton
  LiveModels liveModels(ModelRepository models, DocumentReader documents) {
    return new LiveModels(models, documents);
  }

  @Provides
  @Singleton
  IngestEventsUseCase ingest(
      Transactions tx,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue queue,
      Clock clock) {
    return new IngestEventsService(tx, contacts, events, queue, clock);
  }

  @Provides
  @Singleton
  UpsertContactUseCase upsertContact(
      Transactions tx, ContactRepository contacts, ScoreRefreshQueue queue, Clock clock) {
    return new UpsertContactService(tx, contacts, queue, clock);
  }

  @Provides
  @Singleton
  FindContactUseCase findContact(ContactRepository contacts) {
    return new FindContactService(contacts);
  }

  @Provides
  @Singleton
  EraseContactUseCase eraseContact(
      Transactions tx,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      WebhookDeliveries deliveries,
      ScoreRefreshQueue queue) {
    return new EraseContactService(tx, contacts, events, scores, deliveries, queue);
  }

  @Provides
  @Singleton
  SaveModelDraftUseCase saveDraft(LiveModels live, ModelRepository models, Clock clock) {
    return new SaveModelDraftService(live, models, clock);
  }

  @Provides
  @Singleton
  GetModelUseCase getModel(ModelRepository models) {
    return new GetModelService(models);
  }

  @Provides
  @Singleton
  PublishModelUseCase publish(
      Transactions tx, ModelRepository models, JobRepository jobs, LiveModels live, Clock clock) {
    return new PublishModelService(tx, models, jobs, live, clock);
  }

  @Provides
  @Singleton
  SimulateModelUseCase simulate(ModelRepository models, LiveModels live, EventStore events) {
    return new SimulateModelService(models, live, events);
  }

  @Provides
  @Singleton
  ScoreContactUseCase score(LiveModels live, ContactRepository contacts, EventStore events) {
    return new ScoreContactService(live, contacts, events);
  }

  @Provides
  @Singleton
  ScoreTimelineUseCase timeline(LiveModels live, ContactRepository contacts, EventStore events) {
    return new ScoreTimelineService(live, contacts, events);
  }

  @Provides
  @Singleton
  ScoreDistributionUseCase distribution(LiveModels live, ScoreStore scores) {
    return new ScoreDistributionService(live, scores);
  }

  @Provides
  @Singleton
  ReadLeaderboardUseCase leaderboard(ModelRepository models, ScoreStore scores) {
    return new ReadLeaderboardService(models, scores);
  }

  @Provides
  @Singleton
  RefreshScoresUseCase refresh(
      Transactions tx,
      ScoreRefreshQueue queue,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      Notifier notifier,
      LiveModels live,
      Clock clock) {
    return new RefreshScoresService(
        tx, queue, contacts, events, scores, notifier, live, clock, REFRESH_SETTLE);
  }

  @Provides
  @Singleton
  RescoreJobHandler rescoreJobs(
      Transactions tx,
      ContactRepository contacts,
      EventStore events,
      ScoreStore scores,
      Notifier notifier,
      ScoreRefreshQueue queue,
      LiveModels live,
      Clock clock) {
    return new RescoreJobHandler(tx, contacts, events, scores, notifier, queue, live, clock);
  }

  @Provides
  @Singleton
  RescoreModelUseCase rescore(RescoreJobHandler handler, Clock clock) {
    return new RescoreModelService(handler, clock);
  }

  @Provides
  @Singleton
  List<JobHandler> jobHandlers(RescoreJobHandler rescore, SyncJobHandler sync) {
    return List.of(rescore, sync);
  }

  @Provides
  @Singleton
  SyncJobHandler syncJobs(
      Transactions tx,
      SourceRepository sources,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue queue,
      Map<String, VendorConnectorFactory> vendors,
      Clock clock) {
    return new SyncJobHandler(tx, sources, contacts, events, queue, vendors, clock);
  }

  @Provides
  @Singleton
  ConfigureSourceUseCase sources(
      SourceRepository sources, Map<String, VendorConnectorFactory> vendors, Clock clock) {
    return new ConfigureSourceService(sources, vendors, clock);
  }

  @Provides
  @Singleton
  SyncSourceUseCase sync(
      SourceRepository sources, JobRepository jobs, SyncJobHandler handler, Clock clock) {
    return new SyncSourceService(sources, jobs, handler, clock);
  }

  @Provides
  @Singleton
  ScheduleSyncsUseCase scheduleSyncs(
      Transactions tx, SourceRepository sources, JobRepository jobs, Clock clock) {
    return new ScheduleSyncsService(tx, sources, jobs, clock);
  }

  @Provides
  @Singleton
  ReceiveVendorHookUseCase hooks(
      Transactions tx,
      SourceRepository sources,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue queue,
      Map<String, VendorConnectorFactory> vendors,
      Clock clock) {
    return new ReceiveVendorHookService(tx, sources, contacts, events, queue, vendors, clock);
  }

  @Provides
  @Singleton
  ManageWebhooksUseCase webhooks(
      WebhookRepository webhooks, WebhookDeliveries deliveries, Clock clock, EgressPolicy egress) {
    return new ManageWebhooksService(webhooks, deliveries, clock, egress);
  }

  @Provides
  @Singleton
  DeliverWebhooksUseCase deliverWebhooks(
      Transactions tx,
      WebhookRepository webhooks,
      WebhookDeliveries deliveries,
      WebhookSender sender,
      DeliveryBackoff backoff,
      Clock clock,
      @Named("node") String node) {
    return new DeliverWebhooksService(tx, webhooks, deliveries, sender, backoff, clock, node);
  }

  @Provides
  @Singleton
  RunJobsUseCase runJobs(
      JobRepository jobs, List<JobHandler> handlers, @Named("node") String node, Clock clock) {
    return new RunJobsService(jobs, handlers, node, clock);
  }

  @Provides
  @Singleton
  GetJobUseCase getJob(JobRepository jobs) {
    return new GetJobService(jobs);
  }

  @Provides
  @Singleton
  CreateWorkspaceUseCase createWorkspace(WorkspaceRepository workspaces, Clock clock) {
    return new CreateWorkspaceService(workspaces, clock);
  }

  @Provides
  @Singleton
  ManageApiKeysUseCase apiKeys(WorkspaceRepository workspaces, ApiKeyRepository keys, Clock clock) {
    return new ManageApiKeysService(workspaces, keys, clock);
  }

  @Provides
  @Singleton
  AuthenticateUseCase authenticate(ApiKeyRepository keys) {
    return new AuthenticateService(keys);
  }
}
