package io.leadscore.bootstrap.module;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.leadscore.adapter.http.api.ApiMetrics;
import io.leadscore.adapter.http.api.ApiServer;
import io.leadscore.adapter.http.api.ApiSettings;
import io.leadscore.adapter.http.api.ApiUseCases;
import io.leadscore.adapter.http.api.Readiness;
import io.leadscore.adapter.http.delivery.JettyWebhookSender;
import io.leadscore.adapter.http.delivery.Resilience4jBackoff;
import io.leadscore.adapter.jdbc.Database;
import io.leadscore.application.egress.EgressPolicy;
import io.leadscore.application.port.in.AuthenticateUseCase;
import io.leadscore.application.port.in.ConfigureSourceUseCase;
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
import io.leadscore.application.port.in.SaveModelDraftUseCase;
import io.leadscore.application.port.in.ScoreContactUseCase;
import io.leadscore.application.port.in.ScoreDistributionUseCase;
import io.leadscore.application.port.in.ScoreTimelineUseCase;
import io.leadscore.application.port.in.SimulateModelUseCase;
import io.leadscore.application.port.in.SyncSourceUseCase;
import io.leadscore.application.port.in.UpsertContactUseCase;
import io.leadscore.application.port.out.DeliveryBackoff;
import io.leadscore.application.port.out.WebhookSender;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import java.time.Clock;

/** The HTTP adapter: the API server on the use cases, its limits from the configuration. */
public final class HttpModule extends AbstractModule {
  @Provides
  @Singleton
  ApiMetrics metrics() {
    return new ApiMetrics();
  }

  @Provides
  @Singleton
  ApiSettings settings(LeadscoreConfig config) {
    var defaults = ApiSettings.defaults();
    return new ApiSettings(
        defaults.maxBodyBytes(),
        config.server().maxThreads(),
        config.server().maxConcurrentWrites(),
        defaults.maxInFlight(),
        config.server().idleTimeout(),
        defaults.stopTimeout(),
        defaults.retryAfter(),
        ApiSettings.writesPerWorkspace(config.server().maxConcurrentWrites()),
        ApiSettings.hooksFor(config.server().maxConcurrentWrites()),
        config.server().authFailureBudget());
  }

  @Provides
  @Singleton
  WebhookSender webhookSender(Clock clock, EgressPolicy egress) {
    return new JettyWebhookSender(clock, egress);
  }

  @Provides
  @Singleton
  DeliveryBackoff webhookBackoff() {
    return new Resilience4jBackoff();
  }

  @Provides
  @Singleton
  Readiness readiness(Database database) {
    return database::readinessProblems;
  }

  @Provides
  @Singleton
  ApiUseCases useCases(
      AuthenticateUseCase authenticate,
      ManageApiKeysUseCase apiKeys,
      SaveModelDraftUseCase saveDraft,
      GetModelUseCase getModel,
      SimulateModelUseCase simulate,
      PublishModelUseCase publish,
      UpsertContactUseCase upsertContact,
      FindContactUseCase findContact,
      EraseContactUseCase eraseContact,
      IngestEventsUseCase ingest,
      ScoreContactUseCase score,
      ScoreTimelineUseCase timeline,
      ReadLeaderboardUseCase leaderboard,
      ScoreDistributionUseCase distribution,
      GetJobUseCase getJob,
      ConfigureSourceUseCase sources,
      SyncSourceUseCase sync,
      ReceiveVendorHookUseCase hooks,
      ManageWebhooksUseCase webhooks) {
    return new ApiUseCases(
        authenticate,
        apiKeys,
        saveDraft,
        getModel,
        simulate,
        publish,
        upsertContact,
        findContact,
        eraseContact,
        ingest,
        score,
        timeline,
        leaderboard,
        distribution,
        getJob,
        sources,
        sync,
        hooks,
        webhooks);
  }

  @Provides
  @Singleton
  ApiServer server(
      ApiUseCases useCases,
      ApiSettings settings,
      Readiness readiness,
      ApiMetrics metrics,
      Clock clock) {
    return new ApiServer(useCases, settings, readiness, metrics, clock);
  }
}
