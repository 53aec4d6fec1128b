package io.leadscore.adapter.http.api;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The figures {@code GET /metrics} shows in Prometheus' text format: requests and their latencies
 * per route, events ingested by outcome, jobs finished by kind and state, webhook deliveries by
 * outcome. Recorded by the routes and, for background work, by whoever runs it. Thread-safe.
 */
public final class ApiMetrics {
  /** The content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests =
      Counter.builder()
          .name("leadscore_http_requests_total")
          .help("HTTP requests answered, by method, route template and status")
          .labelNames("method", "route", "status")
          .register(registry);
  private final Histogram latency =
      Histogram.builder()
          .name("leadscore_http_request_duration_seconds")
          .help("Time from a request's arrival at its route to its answer")
          .labelNames("method", "route")
          .classicOnly()
          .classicUpperBounds(
              0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
          .register(registry);
  private final Counter events =
      Counter.builder()
          .name("leadscore_events_ingested_total")
          .help("Events received through the API, by outcome (accepted, duplicate, rejected)")
          .labelNames("outcome")
          .register(registry);
  private final Counter jobs =
      Counter.builder()
          .name("leadscore_jobs_finished_total")
          .help("Background jobs finished on this node, by kind and final state")
          .labelNames("kind", "state")
          .register(registry);
  private final Counter deliveries =
      Counter.builder()
          .name("leadscore_webhook_deliveries_total")
          .help("Webhook delivery attempts from this node, by outcome (delivered, retry, failed)")
          .labelNames("outcome")
          .register(registry);

  /** One request answered by {@code route} with {@code status} after {@code nanos}. */
  void request(Route route, int status, long nanos) {
    requests.labelValues(route.method(), route.path(), Integer.toString(status)).inc();
    latency.labelValues(route.method(), route.path()).observe(nanos / 1e9);
  }

  /** Events ingested: how many were stored, were already stored, were refused. */
  public void eventsIngested(long accepted, long duplicates, long rejected) {
    events.labelValues("accepted").inc(accepted);
    events.labelValues("duplicate").inc(duplicates);
    events.labelValues("rejected").inc(rejected);
  }

  /** A job of {@code kind} finished in {@code state} ({@code succeeded} or {@code failed}). */
  public void jobFinished(String kind, String state) {
    jobs.labelValues(kind, state).inc();
  }

  /** Webhook delivery attempts with this outcome. */
  public void webhookDeliveries(String outcome, long count) {
    deliveries.labelValues(outcome).inc(count);
  }

  /** Every metric in Prometheus' text exposition format. */
  public byte[] scrape() {
    var out = new ByteArrayOutputStream(8192);
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
    return out.toByteArray();
  }
}
