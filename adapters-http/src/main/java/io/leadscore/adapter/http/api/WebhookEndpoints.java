package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.CreateWebhookCommand;
import io.leadscore.application.port.in.CreatedWebhook;
import io.leadscore.application.port.in.ManageWebhooksUseCase;
import io.leadscore.application.port.in.Webhook;
import io.leadscore.application.port.out.DeliveryState;
import io.leadscore.application.port.out.Scope;
import io.leadscore.application.port.out.WebhookDelivery;
import java.time.Instant;

/**
 * Outbound webhook subscriptions (http-api.md, "Outbound webhooks"): create (the signing secret
 * shown once), list, read, delete, and the deliveries of one, so failed ones are visible. Needs an
 * admin key.
 */
final class WebhookEndpoints {
  private static final int DEFAULT_LIMIT = 50;

  private final ManageWebhooksUseCase webhooks;
  private final RequestBodies bodies;

  WebhookEndpoints(ApiUseCases useCases, RequestBodies bodies) {
    this.webhooks = useCases.webhooks();
    this.bodies = bodies;
  }

  void register(Routes routes) {
    routes.add(HandlerType.POST, "/v1/webhooks", Scope.ADMIN, this::create);
    routes.add(HandlerType.GET, "/v1/webhooks", Scope.ADMIN, this::list);
    routes.add(HandlerType.GET, "/v1/webhooks/{id}", Scope.ADMIN, this::get);
    routes.add(HandlerType.DELETE, "/v1/webhooks/{id}", Scope.ADMIN, this::delete);
    routes.add(HandlerType.GET, "/v1/webhooks/{id}/deliveries", Scope.ADMIN, this::deliveries);
  }

  private void create(Context ctx, Caller caller) {
    CreatedWebhook created =
        webhooks.create(new CreateWebhookCommand(caller.workspace(), bodies.json(ctx)));
    ctx.status(201);
    ctx.header("Location", "/v1/webhooks/" + created.subscription().id());
    Json.respond(ctx, new CreatedWebhookResponse(created.subscription(), created.secret()));
  }

  private void list(Context ctx, Caller caller) {
    Json.respond(ctx, Page.of(webhooks.list(caller.workspace())));
  }

  private void get(Context ctx, Caller caller) {
    Json.respond(ctx, webhooks.get(caller.workspace(), ctx.pathParam("id")));
  }

  private void delete(Context ctx, Caller caller) {
    webhooks.delete(caller.workspace(), ctx.pathParam("id"));
    ctx.status(204);
  }

  private void deliveries(Context ctx, Caller caller) {
    var params = new Params(ctx);
    int limit = params.integer("limit", DEFAULT_LIMIT, 1, 1000);
    String stateName = params.optional("state");
    params.check();
    DeliveryState state = null;
    if (stateName != null) {
      try {
        state = DeliveryState.ofWireName(stateName);
      } catch (IllegalArgumentException e) {
        throw BadRequestException.at("state", "must be pending, delivered or failed");
      }
    }
    Json.respond(
        ctx,
        Page.of(
            webhooks.deliveries(caller.workspace(), ctx.pathParam("id"), state, limit).stream()
                .map(DeliveryResponse::from)
                .toList()));
  }

  /** One delivery of a notification to the subscription; {@code state} as the filter names it. */
  record DeliveryResponse(
      String notificationId,
      String subscriptionId,
      String type,
      String state,
      int attempts,
      Integer lastStatus,
      String lastError,
      Instant nextAttemptAt,
      Instant deliveredAt,
      Instant createdAt) {
    static DeliveryResponse from(WebhookDelivery delivery) {
      return new DeliveryResponse(
          delivery.notificationId(),
          delivery.subscriptionId(),
          delivery.type(),
          delivery.state().wireName(),
          delivery.attempts(),
          delivery.lastStatus(),
          delivery.lastError(),
          delivery.nextAttemptAt(),
          delivery.deliveredAt(),
          delivery.createdAt());
    }
  }

  /** A new subscription and its signing secret, which is not shown again. */
  record CreatedWebhookResponse(Webhook webhook, String secret) {}
}
