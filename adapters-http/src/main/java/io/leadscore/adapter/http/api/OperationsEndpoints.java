package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What operators and tools read without a key (http-api.md): liveness ({@code /health}), readiness
 * ({@code /ready}: 503 with {@code Retry-After} and the reasons while the database is not usable),
 * Prometheus metrics ({@code /metrics}) and the OpenAPI document ({@code /openapi.json}).
 */
final class OperationsEndpoints {
  /** Where the OpenAPI document lives on the class path. */
  static final String OPENAPI_RESOURCE = "/io/leadscore/adapter/http/openapi.json";

  private final Readiness readiness;
  private final ApiMetrics metrics;
  private final ApiSettings settings;
  private final byte[] openApi;

  OperationsEndpoints(Readiness readiness, ApiMetrics metrics, ApiSettings settings) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.settings = settings;
    this.openApi = openApiDocument();
  }

  void register(Routes routes) {
    routes.addOpen(HandlerType.GET, "/health", this::health);
    routes.addOpen(HandlerType.GET, "/ready", this::ready);
    routes.addOpen(HandlerType.GET, "/metrics", this::metrics);
    routes.addOpen(HandlerType.GET, "/openapi.json", this::openApi);
  }

  private void health(Context ctx, Caller caller) {
    Json.respond(ctx, Map.of("status", "up"));
  }

  private void ready(Context ctx, Caller caller) {
    List<String> problems = readiness.problems();
    if (!problems.isEmpty()) {
      ctx.status(503);
      ctx.header("Retry-After", Long.toString(Math.max(1, settings.retryAfter().toSeconds())));
    }
    Json.respond(ctx, new ReadinessResponse(problems.isEmpty() ? "ready" : "degraded", problems));
  }

  private void metrics(Context ctx, Caller caller) {
    ctx.contentType(ApiMetrics.CONTENT_TYPE);
    ctx.result(metrics.scrape());
  }

  private void openApi(Context ctx, Caller caller) {
    ctx.contentType("application/json");
    ctx.result(openApi);
  }

  private static byte[] openApiDocument() {
    try (InputStream in = OperationsEndpoints.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document is missing: " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code { "status": "ready" | "degraded", "problems": [...] }}. */
  record ReadinessResponse(String status, List<String> problems) {}
}
