package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.adapter.http.json.LeadScoreJson;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.GetModelUseCase;
import io.leadscore.application.port.in.Publication;
import io.leadscore.application.port.in.PublishModelUseCase;
import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.in.SaveModelDraftUseCase;
import io.leadscore.application.port.in.ScoreDistributionUseCase;
import io.leadscore.application.port.in.SimulateModelQuery;
import io.leadscore.application.port.in.SimulateModelUseCase;
import io.leadscore.application.port.in.Simulation;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.ModelDocument;
import io.leadscore.application.port.out.Scope;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Models (http-api.md, "Resources"): draft, read, simulate, publish, roll back, distribution.
 * Drafts, simulations and publishing need an admin key; reading needs a read key.
 */
final class ModelEndpoints {
  private final SaveModelDraftUseCase saveDraft;
  private final GetModelUseCase getModel;
  private final SimulateModelUseCase simulate;
  private final PublishModelUseCase publish;
  private final ScoreDistributionUseCase distribution;
  private final RequestBodies bodies;
  private final Clock clock;

  ModelEndpoints(ApiUseCases useCases, RequestBodies bodies, Clock clock) {
    this.saveDraft = useCases.saveDraft();
    this.getModel = useCases.getModel();
    this.simulate = useCases.simulate();
    this.publish = useCases.publish();
    this.distribution = useCases.distribution();
    this.bodies = bodies;
    this.clock = clock;
  }

  void register(Routes routes) {
    routes.add(HandlerType.PUT, "/v1/models/{id}/draft", Scope.ADMIN, this::putDraft);
    routes.add(HandlerType.GET, "/v1/models", Scope.READ, this::list);
    routes.add(HandlerType.GET, "/v1/models/{id}", Scope.READ, this::get);
    routes.add(HandlerType.POST, "/v1/models/{id}/simulate", Scope.ADMIN, this::simulate);
    routes.add(HandlerType.POST, "/v1/models/{id}/publish", Scope.ADMIN, this::publishDraft);
    routes.add(
        HandlerType.POST,
        "/v1/models/{id}/versions/{n}/publish",
        Scope.ADMIN,
        this::publishVersion);
    routes.add(HandlerType.GET, "/v1/models/{id}/distribution", Scope.READ, this::distribution);
  }

  private void putDraft(Context ctx, Caller caller) {
    String id = ctx.pathParam("id");
    ModelDocument document = document(ctx);
    if (document == null) {
      throw BadRequestException.at("", "a model document (JSON or YAML) is required");
    }
    saveDraft.save(new SaveModelDraftCommand(caller.workspace(), id, document));
    Json.respond(ctx, ModelResponse.from(getModel.get(caller.workspace(), id)));
  }

  private void list(Context ctx, Caller caller) {
    Json.respond(
        ctx, Page.of(getModel.list(caller.workspace()).stream().map(ModelResponse::from).toList()));
  }

  private void get(Context ctx, Caller caller) {
    Json.respond(ctx, ModelResponse.from(getModel.get(caller.workspace(), ctx.pathParam("id"))));
  }

  private void simulate(Context ctx, Caller caller) {
    var params = new Params(ctx);
    var asOf = params.instant("asOf", clock.instant());
    params.check();
    Simulation simulation =
        simulate.simulate(
            new SimulateModelQuery(caller.workspace(), ctx.pathParam("id"), document(ctx), asOf));
    Json.respond(ctx, SimulationResponse.from(simulation));
  }

  private void publishDraft(Context ctx, Caller caller) {
    accepted(ctx, publish.publishDraft(caller.workspace(), ctx.pathParam("id")));
  }

  private void publishVersion(Context ctx, Caller caller) {
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      throw BadRequestException.at("n", "not a version number");
    }
    accepted(ctx, publish.publishVersion(caller.workspace(), ctx.pathParam("id"), version));
  }

  private void distribution(Context ctx, Caller caller) {
    Json.respond(ctx, distribution.distribution(caller.workspace(), ctx.pathParam("id")));
  }

  private static void accepted(Context ctx, Publication publication) {
    ctx.status(202);
    ctx.header("Location", "/v1/jobs/" + publication.rescore().id());
    Json.respond(
        ctx,
        new PublicationResponse(
            publication.model(), publication.version(), JobResponse.from(publication.rescore())));
  }

  /**
   * The body as a model document, its format from the content type (else sniffed); null if empty.
   */
  private ModelDocument document(Context ctx) {
    String text = bodies.text(ctx);
    if (text.isBlank()) {
      return null;
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    DocumentFormat format;
    if (type.contains("yaml")) {
      format = DocumentFormat.YAML;
    } else if (type.contains("json")) {
      format = DocumentFormat.JSON;
    } else {
      format = text.stripLeading().startsWith("{") ? DocumentFormat.JSON : DocumentFormat.YAML;
    }
    return new ModelDocument(text, format);
  }

  /** A publish's answer: the new live version and the re-score job. */
  record PublicationResponse(String model, int version, JobResponse job) {}

  /** A simulation's answer, with each mover's two LeadScores in their JSON form. */
  record SimulationResponse(
      String model,
      int liveVersion,
      java.time.Instant asOf,
      long contacts,
      List<Simulation.TierCount> before,
      List<Simulation.TierCount> after,
      List<Simulation.TierMove> moves,
      List<Mover> biggestMovers) {

    record Mover(
        String contactId, LeadScoreJson before, LeadScoreJson after, java.math.BigDecimal change) {}

    private static Integer liveVersionOrNull(Simulation simulation) {
      return simulation.liveVersion() > 0 ? simulation.liveVersion() : null;
    }

    static SimulationResponse from(Simulation simulation) {
      return new SimulationResponse(
          simulation.model(),
          simulation.liveVersion(),
          simulation.asOf(),
          simulation.contacts(),
          simulation.before(),
          simulation.after(),
          simulation.moves(),
          simulation.biggestMovers().stream()
              .map(
                  mover ->
                      new Mover(
                          mover.contactId(),
                          // before: the live version; after: the draft, which has no number yet
                          mover.before() == null
                              ? null
                              : LeadScoreJson.from(mover.before(), liveVersionOrNull(simulation)),
                          LeadScoreJson.from(mover.after(), null),
                          io.leadscore.domain.engine.Figures.round(mover.change())))
              .toList());
    }
  }
}
