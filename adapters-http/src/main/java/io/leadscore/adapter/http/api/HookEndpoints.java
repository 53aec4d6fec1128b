package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.adapter.http.auth.FailedAuthentications;
import io.leadscore.adapter.http.auth.TooManyFailuresException;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.ReceiveVendorHookUseCase;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.in.VendorHookCommand;
import io.leadscore.application.port.in.VendorHookResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

/**
 * Inbound vendor webhooks ({@code POST /v1/hooks/{sourceId}}, and {@code GET} for the vendor's
 * validation ping). No API key: the source's own secret ({@code ?secret=}) authenticates the call,
 * checked by the use case before the body is read; any failure there is a plain 401 that does not
 * tell an unknown source from a wrong secret, and counts against the address's failure budget like
 * a bad API key. Hooks have their own limit of deliveries at once ({@link
 * ApiSettings#maxConcurrentHooks()}, 429 beyond it), taken once the secret is checked and held
 * while the body is read and stored; they never take the API's write slots.
 */
final class HookEndpoints {
  private final ReceiveVendorHookUseCase hooks;
  private final RequestBodies bodies;
  private final FailedAuthentications failures;
  private final Semaphore slots;

  HookEndpoints(
      ApiUseCases useCases,
      RequestBodies bodies,
      FailedAuthentications failures,
      ApiSettings settings) {
    this.hooks = useCases.hooks();
    this.bodies = bodies;
    this.failures = failures;
    this.slots = new Semaphore(settings.maxConcurrentHooks());
  }

  void register(Routes routes) {
    routes.addOpen(HandlerType.POST, "/v1/hooks/{sourceId}", this::receive);
    routes.addOpen(HandlerType.GET, "/v1/hooks/{sourceId}", this::receive);
  }

  private void receive(Context ctx, Caller caller) {
    String secret = ctx.queryParam("secret");
    String address = ctx.req().getRemoteAddr();
    String credential = "hook " + ctx.pathParam("sourceId") + " " + secret;
    if (secret != null) {
      long wait = failures.waitSeconds(address, credential);
      if (wait > 0) {
        throw new TooManyFailuresException(wait);
      }
    }
    boolean[] holding = {false};
    VendorHookCommand.Body body =
        () -> {
          // called by the use case once the secret is checked
          failures.succeeded(credential);
          if (!slots.tryAcquire()) {
            throw new OverloadedException(
                429, "too many inbound hook deliveries at once; retry after the given delay");
          }
          holding[0] = true;
          return ctx.method() == HandlerType.GET ? new byte[0] : bodies.bytes(ctx);
        };
    var command =
        new VendorHookCommand(
            ctx.pathParam("sourceId"),
            secret,
            ctx.method().name(),
            ctx.contentType(),
            headers(ctx),
            ctx.queryParamMap(),
            body);
    VendorHookResult result;
    try {
      result = hooks.receive(command);
    } catch (UnauthenticatedException e) {
      if (secret != null) {
        failures.failed(address);
      }
      throw e;
    } catch (InvalidInputException e) {
      // the vendor sent something its module cannot read: the request is bad, not our data
      throw new BadRequestException("the vendor's request could not be read", e.problems());
    } finally {
      if (holding[0]) {
        slots.release();
      }
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
