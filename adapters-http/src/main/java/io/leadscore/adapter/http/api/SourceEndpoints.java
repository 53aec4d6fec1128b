package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.ConfigureSourceCommand;
import io.leadscore.application.port.in.ConfigureSourceUseCase;
import io.leadscore.application.port.in.ConfiguredSource;
import io.leadscore.application.port.in.SourceView;
import io.leadscore.application.port.in.SyncSourceUseCase;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.Scope;

/**
 * Vendor sources (http-api.md, "Sources"): configure one (its credentials masked in every answer,
 * its hook secret shown once), list and read them, start a sync (202 with a job). Needs an admin
 * key.
 */
final class SourceEndpoints {
  private final ConfigureSourceUseCase sources;
  private final SyncSourceUseCase sync;
  private final RequestBodies bodies;

  SourceEndpoints(ApiUseCases useCases, RequestBodies bodies) {
    this.sources = useCases.sources();
    this.sync = useCases.sync();
    this.bodies = bodies;
  }

  void register(Routes routes) {
    routes.add(HandlerType.POST, "/v1/sources", Scope.ADMIN, this::create);
    routes.add(HandlerType.GET, "/v1/sources", Scope.ADMIN, this::list);
    routes.add(HandlerType.GET, "/v1/sources/{id}", Scope.ADMIN, this::get);
    routes.add(HandlerType.POST, "/v1/sources/{id}/sync", Scope.ADMIN, this::sync);
  }

  private void create(Context ctx, Caller caller) {
    ConfiguredSource created =
        sources.create(new ConfigureSourceCommand(caller.workspace(), bodies.json(ctx)));
    String id = created.source().id();
    ctx.status(201);
    ctx.header("Location", "/v1/sources/" + id);
    Json.respond(
        ctx,
        new CreatedSourceResponse(
            created.source(),
            created.hookSecret(),
            "/v1/hooks/" + id + "?secret=" + created.hookSecret()));
  }

  private void list(Context ctx, Caller caller) {
    Json.respond(ctx, Page.of(sources.list(caller.workspace())));
  }

  private void get(Context ctx, Caller caller) {
    Json.respond(ctx, sources.get(caller.workspace(), ctx.pathParam("id")));
  }

  private void sync(Context ctx, Caller caller) {
    Job job = sync.start(caller.workspace(), ctx.pathParam("id"));
    ctx.status(202);
    ctx.header("Location", "/v1/jobs/" + job.id());
    Json.respond(ctx, JobResponse.from(job));
  }

  /**
   * A new source: its settings with secrets masked, the hook secret (not shown again) and the path
   * a vendor's webhook should call.
   */
  record CreatedSourceResponse(SourceView source, String hookSecret, String hookPath) {}
}
