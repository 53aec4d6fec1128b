package io.leadscore.adapter.http.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.leadscore.application.port.out.DueDelivery;
import io.leadscore.application.port.out.WebhookSender;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends webhook attempts with the JDK's {@link HttpClient} (http-api.md, "Outbound webhooks"): a
 * POST of {@code { "id", "type", "occurredAt", "workspace", "data" }} (the id is the
 * notification's, the same on every attempt, so receivers dedup by it), signed in {@value
 * WebhookSignature#HEADER} ({@link WebhookSignature}), with {@code Content-Type: application/json}
 * and {@code User-Agent: Leadscore-Webhooks/1}.
 *
 * <p>Outcomes: 2xx is delivered. 429, 5xx, a timeout (connecting or waiting for the answer, each
 * bounded by the timeout) and connection errors are failures worth retrying, and a {@code
 * Retry-After} (seconds or an HTTP date) is passed on. Other statuses (4xx such as 404 or 410, 3xx:
 * redirects are not followed) are failures too and are still retried on the same schedule for 24
 * hours, because they usually mean a receiver misconfiguration its owner can fix; the delivery list
 * shows the status meanwhile.
 *
 * <p>A resilience4j circuit breaker per receiver (host and port) counts timeouts, connection
 * errors, 429 and 5xx: when most recent calls to a receiver failed it opens, and attempts to that
 * receiver fail at once (rescheduled, not sent) until it half-opens, so a dead receiver is not
 * hammered by every pending delivery. Thread-safe.
 */
public final class JdkWebhookSender implements WebhookSender {
  /** Connect and answer timeout unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  static final String USER_AGENT = "Leadscore-Webhooks/1";
  private static final int ERROR_BODY_CHARS = 200;
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;
  private final CircuitBreakerRegistry breakers;

  /** A sender with {@link #DEFAULT_TIMEOUT} and {@link #defaultBreaker()}. */
  public JdkWebhookSender(Clock clock) {
    this(clock, DEFAULT_TIMEOUT, defaultBreaker());
  }

  /**
   * @param clock stamps signatures ({@code t=})
   * @param timeout for connecting, and for the answer's headers
   * @param breaker the configuration of every receiver's circuit breaker
   */
  public JdkWebhookSender(Clock clock, Duration timeout, CircuitBreakerConfig breaker) {
    this.clock = clock;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            // plain HTTP/1.1: some receivers refuse the h2c upgrade headers HTTP/2 would add
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.breakers = CircuitBreakerRegistry.of(breaker);
  }

  /**
   * Opens after at least 5 calls of which half failed in the last 20, stays open one minute, then
   * lets 3 trial calls through.
   */
  public static CircuitBreakerConfig defaultBreaker() {
    return CircuitBreakerConfig.custom()
        .slidingWindowSize(20)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofMinutes(1))
        .permittedNumberOfCallsInHalfOpenState(3)
        .build();
  }

  @Override
  public Outcome send(DueDelivery delivery) {
    URI url;
    try {
      url = URI.create(delivery.url());
    } catch (IllegalArgumentException e) {
      return new Outcome.Failed(null, "not a URL: " + e.getMessage(), null);
    }
    CircuitBreaker breaker = breakers.circuitBreaker(receiver(url));
    if (!breaker.tryAcquirePermission()) {
      long openFor =
          breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
      return new Outcome.Failed(
          null,
          "not sent: the receiver failed repeatedly, its circuit breaker is open",
          Duration.ofMillis(openFor));
    }
    long start = breaker.getCurrentTimestamp();
    Outcome outcome = post(url, delivery);
    long took = breaker.getCurrentTimestamp() - start;
    if (receiverUnavailable(outcome)) {
      breaker.onError(took, breaker.getTimestampUnit(), new ReceiverUnavailable());
    } else {
      breaker.onSuccess(took, breaker.getTimestampUnit());
    }
    return outcome;
  }

  private Outcome post(URI url, DueDelivery delivery) {
    String body = body(delivery);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", USER_AGENT)
              .header(
                  WebhookSignature.HEADER,
                  WebhookSignature.sign(delivery.secret(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
    } catch (IllegalArgumentException e) {
      return new Outcome.Failed(null, "not a URL the client accepts: " + e.getMessage(), null);
    }
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      String excerpt = excerpt(response.body());
      if (status >= 200 && status < 300) {
        return new Outcome.Delivered(status);
      }
      return new Outcome.Failed(
          status,
          "HTTP " + status + (excerpt.isEmpty() ? "" : ": " + excerpt),
          RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock));
    } catch (HttpTimeoutException e) {
      return new Outcome.Failed(null, "timed out after " + timeout.toSeconds() + " s", null);
    } catch (IOException e) {
      return new Outcome.Failed(null, "connection failed: " + e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed(null, "interrupted before the answer", null);
    }
  }

  /** A 2xx, or another 4xx: the receiver is up. */
  private static boolean receiverUnavailable(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Delivered delivered -> false;
      case Outcome.Failed failed ->
          failed.status() == null || failed.status() == 429 || failed.status() >= 500;
    };
  }

  private static String receiver(URI url) {
    return url.getHost() + ":" + url.getPort();
  }

  /** The webhook body; {@code data} is the notification's JSON as stored. */
  static String body(DueDelivery delivery) {
    var text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("id", delivery.notificationId());
      json.writeStringField("type", delivery.type());
      json.writeStringField("occurredAt", delivery.occurredAt().toString());
      json.writeStringField("workspace", delivery.workspace());
      json.writeFieldName("data");
      json.writeRawValue(delivery.data());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The start of an error answer's body, for the delivery list; the rest is not read. */
  private static String excerpt(InputStream body) throws IOException {
    try (body) {
      byte[] start = body.readNBytes(ERROR_BODY_CHARS);
      return new String(start, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    }
  }

  /** What the circuit breaker is told failed (never thrown). */
  private static final class ReceiverUnavailable extends IOException {
    ReceiverUnavailable() {
      super("receiver unavailable");
    }
  }
}
