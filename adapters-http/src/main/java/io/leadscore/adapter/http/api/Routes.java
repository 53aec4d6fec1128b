package io.leadscore.adapter.http.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.adapter.http.auth.BearerKeys;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.out.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The one way routes are registered: each handler is wrapped so that, in order, the in-flight limit
 * is taken (503 beyond it), the API key is checked against the route's scope (401/403), the write
 * limit is taken for ingest routes (429 beyond it), the handler runs, any failure becomes a
 * problem+json answer ({@link Problems}), and the request is counted in the metrics. Keeps the list
 * of routes for the OpenAPI check. Thread-safe once built.
 */
public final class Routes {
  private final RoutesConfig javalin;
  private final BearerKeys keys;
  private final Problems problems;
  private final ApiMetrics metrics;
  private final Semaphore inFlight;
  private final Semaphore writes;
  private final List<Route> registered = new ArrayList<>();

  Routes(
      RoutesConfig javalin,
      BearerKeys keys,
      Problems problems,
      ApiMetrics metrics,
      ApiSettings settings) {
    this.javalin = javalin;
    this.keys = keys;
    this.problems = problems;
    this.metrics = metrics;
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.writes = new Semaphore(settings.maxConcurrentWrites());
  }

  /** A route needing a key of at least {@code scope}. */
  public void add(HandlerType method, String path, Scope scope, CallerHandler handler) {
    register(method, new Route(method.name(), path, scope, false), handler);
  }

  /** A write route that also counts against the concurrent-writes limit. */
  public void addLimited(HandlerType method, String path, Scope scope, CallerHandler handler) {
    register(method, new Route(method.name(), path, scope, true), handler);
  }

  /** A route without an API key: health and metrics, or hooks that authenticate otherwise. */
  public void addOpen(HandlerType method, String path, CallerHandler handler) {
    register(method, new Route(method.name(), path, null, false), handler);
  }

  /** A route without an API key that writes (inbound hooks): counts against the write limit. */
  public void addOpenLimited(HandlerType method, String path, CallerHandler handler) {
    register(method, new Route(method.name(), path, null, true), handler);
  }

  /** Every route registered so far. */
  public List<Route> registered() {
    return List.copyOf(registered);
  }

  private void register(HandlerType method, Route route, CallerHandler handler) {
    registered.add(route);
    javalin.addHttpHandler(method, route.path(), ctx -> run(route, handler, ctx));
  }

  private void run(Route route, CallerHandler handler, Context ctx) {
    long started = System.nanoTime();
    try {
      if (!inFlight.tryAcquire()) {
        throw new OverloadedException(503, "the server is at its limit of requests in flight");
      }
      try {
        Caller caller =
            route.scope() == null
                ? null
                : keys.authorize(ctx.header("Authorization"), route.scope());
        if (route.limited()) {
          runLimited(handler, ctx, caller);
        } else {
          handler.handle(ctx, caller);
        }
      } finally {
        inFlight.release();
      }
    } catch (Exception | StackOverflowError failure) {
      problems.render(failure, ctx);
    } finally {
      metrics.request(route, ctx.statusCode(), System.nanoTime() - started);
    }
  }

  private void runLimited(CallerHandler handler, Context ctx, Caller caller) throws Exception {
    if (!writes.tryAcquire()) {
      throw new OverloadedException(429, "too many writes at once; retry after the given delay");
    }
    try {
      handler.handle(ctx, caller);
    } finally {
      writes.release();
    }
  }
}
