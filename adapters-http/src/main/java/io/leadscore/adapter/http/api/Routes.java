package io.leadscore.adapter.http.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.adapter.http.auth.BearerKeys;
import io.leadscore.adapter.http.auth.FailedAuthentications;
import io.leadscore.adapter.http.auth.TooManyFailuresException;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.out.Scope;
import io.leadscore.domain.reading.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The one way routes are registered: each handler is wrapped so that, in order, the in-flight limit
 * is taken (503 beyond it), the API key is checked against the route's scope (401/403; 429 when the
 * client's address has used up its budget of failures, {@link FailedAuthentications}), path and
 * query parameters are refused when they hold control characters (400 naming the parameter), a
 * write slot is taken for ingest routes (429 beyond the node's limit or the workspace's share,
 * {@link WriteSlots}), the handler runs, any failure becomes a problem+json answer ({@link
 * Problems}), and the request is counted in the metrics. A GET route answers HEAD the same way,
 * without a body. Keeps the list of routes for the OpenAPI check. Thread-safe once built.
 */
public final class Routes {
  private final RoutesConfig javalin;
  private final BearerKeys keys;
  private final Problems problems;
  private final ApiMetrics metrics;
  private final Semaphore inFlight;
  private final WriteSlots writes;
  private final FailedAuthentications failures;
  private final List<Route> registered = new ArrayList<>();

  Routes(
      RoutesConfig javalin,
      BearerKeys keys,
      FailedAuthentications failures,
      Problems problems,
      ApiMetrics metrics,
      ApiSettings settings) {
    this.javalin = javalin;
    this.keys = keys;
    this.failures = failures;
    this.problems = problems;
    this.metrics = metrics;
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.writes =
        new WriteSlots(settings.maxConcurrentWrites(), settings.maxConcurrentWritesPerWorkspace());
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

  /** Every route registered so far. */
  public List<Route> registered() {
    return List.copyOf(registered);
  }

  private void register(HandlerType method, Route route, CallerHandler handler) {
    registered.add(route);
    javalin.addHttpHandler(method, route.path(), ctx -> run(route, handler, ctx));
    if (method == HandlerType.GET) {
      // HEAD is GET without the body (Jetty drops it), through the same key and limits
      javalin.addHttpHandler(HandlerType.HEAD, route.path(), ctx -> run(route, handler, ctx));
    }
  }

  private void run(Route route, CallerHandler handler, Context ctx) {
    long started = System.nanoTime();
    try {
      if (!inFlight.tryAcquire()) {
        throw new OverloadedException(503, "the server is at its limit of requests in flight");
      }
      try {
        Caller caller = route.scope() == null ? null : authorize(route.scope(), ctx);
        checkParameters(ctx);
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

  /**
   * The caller of a keyed route. A request without any credential is a plain 401 and costs no
   * budget: it guesses nothing.
   */
  private Caller authorize(Scope scope, Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      return keys.authorize(header, scope);
    }
    String address = ctx.req().getRemoteAddr();
    long wait = failures.waitSeconds(address, header);
    if (wait > 0) {
      throw new TooManyFailuresException(wait);
    }
    Caller caller;
    try {
      caller = keys.authorize(header, scope);
    } catch (UnauthenticatedException e) {
      failures.failed(address);
      throw e;
    }
    failures.succeeded(header);
    return caller;
  }

  /**
   * Refuses path and query parameters holding a control character (NUL and the rest of C0, DEL): no
   * id, look-up or option can hold one, and PostgreSQL cannot store NUL at all.
   */
  private static void checkParameters(Context ctx) {
    var problems = new ArrayList<Problem>();
    for (Map.Entry<String, String> param : ctx.pathParamMap().entrySet()) {
      if (hasControl(param.getValue())) {
        problems.add(new Problem(param.getKey(), "must not contain control characters"));
      }
    }
    for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
      if (hasControl(param.getKey()) || param.getValue().stream().anyMatch(Routes::hasControl)) {
        problems.add(
            new Problem(
                hasControl(param.getKey()) ? "" : param.getKey(),
                "must not contain control characters"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(
          problems.size() + " bad parameter(s): control characters", problems);
    }
  }

  private static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private void runLimited(CallerHandler handler, Context ctx, Caller caller) throws Exception {
    if (!writes.tryAcquire(caller.workspace())) {
      throw new OverloadedException(
          429, "too many writes at once for this node or workspace; retry after the given delay");
    }
    try {
      handler.handle(ctx, caller);
    } finally {
      writes.release(caller.workspace());
    }
  }
}
