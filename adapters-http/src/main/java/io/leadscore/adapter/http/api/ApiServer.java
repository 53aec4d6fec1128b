package io.leadscore.adapter.http.api;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.leadscore.adapter.http.auth.BearerKeys;
import io.leadscore.adapter.http.auth.FailedAuthentications;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server: Javalin 7 on Jetty 12 with every route of http-api.md. Bounded everywhere a burst
 * could exhaust memory: request threads, bodies, requests in flight and concurrent writes. {@link
 * #stop()} is graceful: the connector stops accepting, requests in flight finish (up to {@link
 * ApiSettings#stopTimeout()}), then the server stops.
 *
 * <p>Made once and started once; thread-safe.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  private final Javalin app;
  private final List<Route> routes;
  private final List<String> javalinRoutes = new ArrayList<>();
  private final ApiSettings settings;

  /** A server for these use cases; does no I/O until {@link #start}. */
  public ApiServer(
      ApiUseCases useCases,
      ApiSettings settings,
      Readiness readiness,
      ApiMetrics metrics,
      Clock clock) {
    this.settings = settings;
    var problems = new Problems(settings.retryAfter());
    var bodies = new RequestBodies(settings.maxBodyBytes());
    var keys = new BearerKeys(useCases.authenticate());
    var failures = new FailedAuthentications(settings.authFailureBudget(), System::nanoTime);
    List<Route> registered = new ArrayList<>();
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
              cfg.http.maxRequestSize = settings.maxBodyBytes();
              cfg.http.defaultContentType = "application/json";
              cfg.jetty.threadPool = threadPool(settings);
              cfg.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(settings.stopTimeout().toMillis());
                    server.setErrorHandler(ApiServer::jettyError);
                  });
              // an encoded control character in the path (/v1/contacts/%00) reaches the routes,
              // which refuse it with a problem naming the parameter, instead of Jetty's HTML 400
              cfg.jetty.modifyHttpConfiguration(
                  http ->
                      http.setUriCompliance(
                          UriCompliance.DEFAULT.with(
                              "leadscore",
                              UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS,
                              UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS)));
              cfg.events.handlerAdded(
                  info -> {
                    // HEAD mirrors every GET route (as HTTP defines it; OpenAPI lists GET only);
                    // the before-handler refusing method overrides is no route
                    if (!info.getPath().equals(UnmatchedRoutes.ANY_PATH)
                        && info.getHttpMethod() != HandlerType.HEAD
                        && info.getHttpMethod() != HandlerType.BEFORE) {
                      javalinRoutes.add(info.getHttpMethod().name() + " " + info.getPath());
                    }
                  });
              // Javalin routes by X-HTTP-Method-Override when present (a GET could erase a contact,
              // a HEAD publish a model, past proxies and logs that see the real method); it has
              // no switch to turn that off, so the header is refused before any route runs
              cfg.routes.before(
                  ctx -> {
                    if (ctx.req().getHeader(METHOD_OVERRIDE) != null) {
                      throw BadRequestException.at(
                          METHOD_OVERRIDE,
                          "the header "
                              + METHOD_OVERRIDE
                              + " is not supported: send the request with its own method");
                    }
                  });
              var routes = new Routes(cfg.routes, keys, failures, problems, metrics, settings);
              new OperationsEndpoints(readiness, metrics, settings).register(routes);
              new ModelEndpoints(useCases, bodies, clock).register(routes);
              new ContactEndpoints(useCases, bodies).register(routes);
              new EventEndpoints(useCases, bodies, metrics).register(routes);
              new ScoreEndpoints(useCases, clock).register(routes);
              new JobEndpoints(useCases).register(routes);
              new KeyEndpoints(useCases, bodies).register(routes);
              new SourceEndpoints(useCases, bodies).register(routes);
              new HookEndpoints(useCases, bodies, failures, settings).register(routes);
              new WebhookEndpoints(useCases, bodies).register(routes);
              registered.addAll(routes.registered());
              cfg.routes.exception(Exception.class, problems::render);
              // last, so every real route matches first: no route is a 404 problem, a known path
              // with another method a 405 problem with Allow (Javalin's own answers are not
              // problem+json)
              var unmatched = new UnmatchedRoutes(registered, problems);
              for (HandlerType method : UnmatchedRoutes.METHODS) {
                cfg.routes.addHttpHandler(method, UnmatchedRoutes.ANY_PATH, unmatched::answer);
              }
            });
    this.routes = List.copyOf(registered);
  }

  /** The header Javalin would otherwise route by instead of the request's method. */
  static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

  /**
   * Jetty's own refusals (a request line or URI it cannot read, such as an encoded control
   * character in the path, before any route runs) as problems like every other error, instead of
   * its HTML page.
   */
  private static boolean jettyError(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : 400;
    String detail =
        status == 400
            ? "the request could not be read: its URI or headers hold characters the server"
                + " refuses (such as an encoded control character in the path)"
            : HttpStatus.getMessage(status);
    var problem =
        new ProblemResponse(
            "urn:leadscore:problem:" + (status == 400 ? "bad-request" : "http-" + status),
            HttpStatus.getMessage(status),
            status,
            detail,
            List.of(new ProblemResponse.Error("", detail)));
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    response.write(
        true, ByteBuffer.wrap(Json.write(problem).getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  private static QueuedThreadPool threadPool(ApiSettings settings) {
    // Jetty's own (growable) queue: a bounded one can reject Jetty's internal tasks. Work is
    // bounded by the in-flight and write limits in Routes instead.
    var pool = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
    pool.setName("http");
    return pool;
  }

  /** Starts listening on {@code host:port} (port 0: any free port, see {@link #port()}). */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    for (var connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector server) {
        // a client that stalls mid-upload is cut off instead of holding a thread (request-limits)
        server.setIdleTimeout(settings.idleTimeout().toMillis());
      }
    }
    LOG.info("API listening on http://{}:{}", host, app.port());
    return this;
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  /** Stops gracefully: no new requests, in-flight ones finish, then the server stops. */
  public void stop() {
    app.stop();
  }

  /** The routes registered through {@link Routes}, with their scopes. */
  public List<Route> routes() {
    return routes;
  }

  /** Every handler Javalin registered, as {@code "GET /v1/models"}. */
  public List<String> javalinRoutes() {
    return List.copyOf(javalinRoutes);
  }
}
