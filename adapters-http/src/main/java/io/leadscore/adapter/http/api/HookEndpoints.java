package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.ReceiveVendorHookUseCase;
import io.leadscore.application.port.in.VendorHookCommand;
import io.leadscore.application.port.in.VendorHookResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inbound vendor webhooks (http-api.md: {@code POST /v1/hooks/{sourceId}}, and {@code GET} for the
 * vendor's validation ping). No API key: the source's own secret ({@code ?secret=}) or the vendor's
 * signature authenticates the call, checked by the use case; any failure there is a plain 401 that
 * does not tell an unknown source from a wrong secret. Counts against the concurrent-writes limit.
 */
final class HookEndpoints {
  private final ReceiveVendorHookUseCase hooks;
  private final RequestBodies bodies;

  HookEndpoints(ApiUseCases useCases, RequestBodies bodies) {
    this.hooks = useCases.hooks();
    this.bodies = bodies;
  }

  void register(Routes routes) {
    routes.addOpenLimited(HandlerType.POST, "/v1/hooks/{sourceId}", this::receive);
    routes.addOpen(HandlerType.GET, "/v1/hooks/{sourceId}", this::receive);
  }

  private void receive(Context ctx, Caller caller) {
    byte[] body = ctx.method() == HandlerType.GET ? new byte[0] : bodies.bytes(ctx);
    var command =
        new VendorHookCommand(
            ctx.pathParam("sourceId"),
            ctx.queryParam("secret"),
            ctx.method().name(),
            ctx.contentType(),
            headers(ctx),
            ctx.queryParamMap(),
            body);
    VendorHookResult result;
    try {
      result = hooks.receive(command);
    } catch (InvalidInputException e) {
      // the vendor sent something its module cannot read: the request is bad, not our data
      throw new BadRequestException("the vendor's request could not be read", e.problems());
    }
    switch (result) {
      case VendorHookResult.Stored stored -> Json.respond(ctx, stored);
      case VendorHookResult.Reply reply -> {
        ctx.contentType(reply.contentType());
        ctx.result(reply.body());
      }
    }
  }

  private static Map<String, List<String>> headers(Context ctx) {
    var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    return headers;
  }
}
