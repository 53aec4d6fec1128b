package io.leadscore.adapter.http.api;

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
import java.util.Objects;

/**
 * The use cases the API calls, one per handler: the only way a request reaches the application.
 * Made once by {@code bootstrap}; immutable.
 */
public record ApiUseCases(
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
  public ApiUseCases {
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(saveDraft, "saveDraft");
    Objects.requireNonNull(getModel, "getModel");
    Objects.requireNonNull(simulate, "simulate");
    Objects.requireNonNull(publish, "publish");
    Objects.requireNonNull(upsertContact, "upsertContact");
    Objects.requireNonNull(findContact, "findContact");
    Objects.requireNonNull(eraseContact, "eraseContact");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(leaderboard, "leaderboard");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(getJob, "getJob");
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(hooks, "hooks");
    Objects.requireNonNull(webhooks, "webhooks");
  }
}
