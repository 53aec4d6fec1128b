package io.leadscore.application.fake;

import io.leadscore.application.egress.AddressRange;
import io.leadscore.application.egress.EgressPolicy;
import io.leadscore.application.job.RescoreJobHandler;
import io.leadscore.application.job.SyncJobHandler;
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
import java.util.List;
import java.util.Map;

/**
 * Every use case wired on one set of ports, as bootstrap wires them: for use-case tests on the
 * in-memory fakes and for adapter tests and benchmarks on real stores.
 */
public final class Application {
  public final IngestEventsService ingest;
  public final UpsertContactService upsertContact;
  public final FindContactService findContact;
  public final EraseContactService eraseContact;
  public final SaveModelDraftService saveDraft;
  public final GetModelService getModel;
  public final PublishModelService publish;
  public final SimulateModelService simulate;
  public final ScoreContactService score;
  public final ScoreTimelineService timeline;
  public final ScoreDistributionService distribution;
  public final ReadLeaderboardService leaderboard;
  public final RefreshScoresService refresh;
  public final RescoreModelService rescore;
  public final RunJobsService jobs;
  public final GetJobService getJob;
  public final CreateWorkspaceService createWorkspace;
  public final ManageApiKeysService apiKeys;
  public final AuthenticateService authenticate;
  public final ConfigureSourceService sources;
  public final SyncSourceService sync;
  public final ScheduleSyncsService scheduleSyncs;
  public final ReceiveVendorHookService hooks;
  public final ManageWebhooksService webhooks;
  public final DeliverWebhooksService deliverWebhooks;

  /**
   * The ports the use cases run on.
   *
   * @param sender webhook sends ({@link ScriptedWebhookSender} unless a test sends for real)
   * @param backoff webhook retry delays
   */
  public record Ports(
      Transactions transactions,
      WorkspaceRepository workspaces,
      ApiKeyRepository apiKeys,
      ContactRepository contacts,
      EventStore events,
      ModelRepository models,
      ScoreStore scores,
      ScoreRefreshQueue refreshQueue,
      JobRepository jobs,
      Notifier notifier,
      DocumentReader documents,
      SourceRepository sources,
      WebhookRepository webhooks,
      WebhookDeliveries deliveries,
      WebhookSender sender,
      DeliveryBackoff backoff) {}

  /** The use cases with one {@link FakeVendor} as the only vendor module. */
  public Application(Ports ports, Clock clock, String node) {
    this(ports, Map.of(FakeVendor.KIND, new FakeVendor()), clock, node);
  }

  /**
   * @param vendors the vendor modules present, by kind
   */
  public Application(
      Ports ports, Map<String, VendorConnectorFactory> vendors, Clock clock, String node) {
    var live = new LiveModels(ports.models(), ports.documents());
    var tx = ports.transactions();
    ingest =
        new IngestEventsService(tx, ports.contacts(), ports.events(), ports.refreshQueue(), clock);
    upsertContact = new UpsertContactService(tx, ports.contacts(), ports.refreshQueue(), clock);
    findContact = new FindContactService(ports.contacts());
    eraseContact =
        new EraseContactService(
            tx,
            ports.contacts(),
            ports.events(),
            ports.scores(),
            ports.deliveries(),
            ports.refreshQueue());
    saveDraft = new SaveModelDraftService(live, ports.models(), clock);
    getModel = new GetModelService(ports.models());
    publish = new PublishModelService(tx, ports.models(), ports.jobs(), live, clock);
    simulate = new SimulateModelService(ports.models(), live, ports.events());
    score = new ScoreContactService(live, ports.contacts(), ports.events());
    timeline = new ScoreTimelineService(live, ports.contacts(), ports.events());
    distribution = new ScoreDistributionService(live, ports.scores());
    leaderboard = new ReadLeaderboardService(ports.models(), ports.scores());
    refresh =
        new RefreshScoresService(
            tx,
            ports.refreshQueue(),
            ports.contacts(),
            ports.events(),
            ports.scores(),
            ports.notifier(),
            live,
            clock);
    var rescoreJobs =
        new RescoreJobHandler(
            tx,
            ports.contacts(),
            ports.events(),
            ports.scores(),
            ports.notifier(),
            ports.refreshQueue(),
            live,
            clock);
    rescore = new RescoreModelService(rescoreJobs, clock);
    var syncJobs =
        new SyncJobHandler(
            tx,
            ports.sources(),
            ports.contacts(),
            ports.events(),
            ports.refreshQueue(),
            vendors,
            clock);
    jobs = new RunJobsService(ports.jobs(), List.of(rescoreJobs, syncJobs), node, clock);
    getJob = new GetJobService(ports.jobs());
    createWorkspace = new CreateWorkspaceService(ports.workspaces(), clock);
    apiKeys = new ManageApiKeysService(ports.workspaces(), ports.apiKeys(), clock);
    authenticate = new AuthenticateService(ports.apiKeys());
    sources = new ConfigureSourceService(ports.sources(), vendors, clock);
    sync = new SyncSourceService(ports.sources(), ports.jobs(), syncJobs, clock);
    scheduleSyncs = new ScheduleSyncsService(tx, ports.sources(), ports.jobs(), clock);
    hooks =
        new ReceiveVendorHookService(
            tx,
            ports.sources(),
            ports.contacts(),
            ports.events(),
            ports.refreshQueue(),
            vendors,
            clock);
    webhooks = new ManageWebhooksService(ports.webhooks(), ports.deliveries(), clock, TEST_EGRESS);
    deliverWebhooks =
        new DeliverWebhooksService(
            tx, ports.webhooks(), ports.deliveries(), ports.sender(), ports.backoff(), clock, node);
  }

  /**
   * The tests' egress policy: loopback allowed (test receivers listen on 127.0.0.1, as an operator
   * allows a local receiver with {@code egress.allow}), and no name but {@code localhost} resolves,
   * so no test waits on DNS (names are checked again, on their addresses, when a real sender
   * connects).
   */
  public static final EgressPolicy TEST_EGRESS =
      new EgressPolicy(
          List.of(AddressRange.parse("127.0.0.0/8"), AddressRange.parse("::1/128")),
          host -> {
            if (host.equals("localhost")) {
              return List.of(java.net.InetAddress.getLoopbackAddress());
            }
            throw new java.net.UnknownHostException(host);
          });

  /** The application on in-memory fakes, sending webhooks to a sender that accepts them all. */
  public static Application inMemory(InMemoryDatabase db, Clock clock) {
    return inMemory(db, clock, Map.of(FakeVendor.KIND, new FakeVendor()));
  }

  /** The application on in-memory fakes, with these vendor modules. */
  public static Application inMemory(
      InMemoryDatabase db, Clock clock, Map<String, VendorConnectorFactory> vendors) {
    return inMemory(db, clock, vendors, new ScriptedWebhookSender());
  }

  /** The application on in-memory fakes, sending webhooks with {@code sender}. */
  public static Application inMemory(InMemoryDatabase db, Clock clock, WebhookSender sender) {
    return inMemory(db, clock, Map.of(FakeVendor.KIND, new FakeVendor()), sender);
  }

  /** The application on in-memory fakes, with these vendor modules and webhook sender. */
  public static Application inMemory(
      InMemoryDatabase db,
      Clock clock,
      Map<String, VendorConnectorFactory> vendors,
      WebhookSender sender) {
    return new Application(
        new Ports(
            db.transactions(),
            db.workspaces(),
            db.apiKeys(),
            db.contacts(),
            db.events(),
            db.models(),
            db.scores(),
            db.refreshQueue(),
            db.jobs(),
            db.notifier(),
            new JacksonDocuments(),
            db.sources(),
            db.webhooks(),
            db.deliveries(),
            sender,
            DoublingBackoff.standard()),
        vendors,
        clock,
        "test-node");
  }

  /** Refreshes until the queue is empty; returns how many contacts were refreshed. */
  public int refreshAll() {
    int total = 0;
    for (int n = refresh.refresh(1000); n > 0; n = refresh.refresh(1000)) {
      total += n;
    }
    return total;
  }

  /** Delivers webhooks until nothing is due now; returns the attempts made. */
  public int deliverAllDue() {
    int total = 0;
    for (int n = deliverWebhooks.deliverDue(100); n > 0; n = deliverWebhooks.deliverDue(100)) {
      total += n;
    }
    return total;
  }

  /** Runs jobs until none is waiting. */
  public void runAllJobs() {
    while (jobs.runNext()) {
      // each call runs one job to its end
    }
  }
}
