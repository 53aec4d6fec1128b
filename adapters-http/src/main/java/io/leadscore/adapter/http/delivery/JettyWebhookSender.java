package io.leadscore.adapter.http.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.leadscore.application.egress.EgressPolicy;
import io.leadscore.application.port.out.DueDelivery;
import io.leadscore.application.port.out.WebhookSender;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Sends webhook attempts with Jetty's {@link HttpClient} (docs/api.md, "Webhooks"): a POST of
 * {@code { "id", "type", "occurredAt", "workspace", "data" }} (the id is the notification's, the
 * same on every attempt, so receivers dedup by it), signed in {@value WebhookSignature#HEADER}
 * ({@link WebhookSignature}), with {@code Content-Type: application/json} and {@code User-Agent:
 * Leadscore-Webhooks/1}.
 *
 * <p>Egress: why Jetty and not the JDK client. The URL was checked when the subscription was
 * created, but a name can resolve differently later (DNS rebinding), so the {@link EgressPolicy}
 * must judge the address actually connected to. The JDK {@code HttpClient} resolves names inside
 * and offers no hook; Jetty's client (already here through Javalin's Jetty 12) asks a {@link
 * SocketAddressResolver} for the addresses it then connects to, so {@link PolicyResolver} resolves,
 * drops every address the policy refuses, and fails the attempt when none is left. Literal
 * addresses go through the same resolver. No proxy is configured (a proxy would be what is
 * connected to), and redirects are not followed.
 *
 * <p>Timeouts ({@link Timeouts}): connecting (5 s), the answer's headers after the request went out
 * (10 s), and the whole exchange (15 s); the answer's body is discarded, never kept. A receiver
 * that stalls costs one sending thread at most that long.
 *
 * <p>Outcomes: 2xx is delivered. Anything else is a failure retried on the schedule; 429, 5xx, a
 * timeout and connection errors count against the receiver's circuit breaker, and a {@code
 * Retry-After} (seconds or an HTTP date) is passed on. Error texts for the delivery list are {@code
 * HTTP <status>} for an answer and one text for every failure without one, so they do not tell open
 * ports from closed or filtered ones, and no answer body is ever shown. A connection that fails
 * before any answer (a receiver that closed a kept-alive connection) is retried once at once, on a
 * new connection, so such receivers cost no failed attempts.
 *
 * <p>A resilience4j circuit breaker per receiver (host and port) opens when most recent calls to it
 * failed; attempts then fail at once (rescheduled, not sent) until it half-opens. Thread-safe.
 */
public final class JettyWebhookSender implements WebhookSender, AutoCloseable {
  /** The text of every failure without an answer: it does not map the network. */
  static final String NO_ANSWER = "no answer: connection failed or timed out";

  static final String REFUSED_BY_POLICY =
      "not sent: the receiver's address is not allowed by the egress policy";

  static final String USER_AGENT = "Leadscore-Webhooks/1";
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * How long an attempt may take.
   *
   * @param connect to open the connection
   * @param headers for the answer's status and headers, once the request is sent
   * @param total for the whole exchange, the answer's body included
   */
  public record Timeouts(Duration connect, Duration headers, Duration total) {
    /** 5 s to connect, 10 s for the headers, 15 s in all. */
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
  }

  private final HttpClient client;
  private final Timeouts timeouts;
  private final Clock clock;
  private final CircuitBreakerRegistry breakers;

  /** A sender with {@link Timeouts#DEFAULT} and {@link #defaultBreaker()}. */
  public JettyWebhookSender(Clock clock, EgressPolicy egress) {
    this(clock, egress, Timeouts.DEFAULT, defaultBreaker());
  }

  /**
   * @param clock stamps signatures ({@code t=})
   * @param egress judges every address before it is connected to
   * @param breaker the configuration of every receiver's circuit breaker
   */
  public JettyWebhookSender(
      Clock clock, EgressPolicy egress, Timeouts timeouts, CircuitBreakerConfig breaker) {
    this.clock = clock;
    this.timeouts = timeouts;
    this.client = new HttpClient();
    var threads = new QueuedThreadPool();
    threads.setName("webhook-client");
    threads.setDaemon(true); // never keeps the process alive
    client.setExecutor(threads);
    client.setScheduler(new ScheduledExecutorScheduler("webhook-client-scheduler", true));
    client.setFollowRedirects(false);
    client.setConnectTimeout(timeouts.connect().toMillis());
    client.setUserAgentField(null);
    client.setSocketAddressResolver(new PolicyResolver(egress));
    try {
      client.start();
    } catch (Exception e) { // Jetty's lifecycle declares Exception
      throw new IllegalStateException("the webhook HTTP client did not start", e);
    }
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
      return new Outcome.Failed(null, "not a URL", null);
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
    Attempt attempt = post(url, delivery);
    if (attempt.closedBeforeAnswer()) {
      attempt = post(url, delivery); // a stale kept-alive connection: once more, on a new one
    }
    Outcome outcome = attempt.outcome();
    long took = breaker.getCurrentTimestamp() - start;
    if (attempt.refusedByPolicy()) {
      breaker.releasePermission();
    } else if (receiverUnavailable(outcome)) {
      breaker.onError(took, breaker.getTimestampUnit(), new ReceiverUnavailable());
    } else {
      breaker.onSuccess(took, breaker.getTimestampUnit());
    }
    return outcome;
  }

  /** One exchange's outcome, and what the caller needs to know about how it failed. */
  private record Attempt(Outcome outcome, boolean closedBeforeAnswer, boolean refusedByPolicy) {
    static Attempt of(Outcome outcome) {
      return new Attempt(outcome, false, false);
    }
  }

  private Attempt post(URI url, DueDelivery delivery) {
    String body = body(delivery);
    long timestamp = clock.instant().getEpochSecond();
    var headersArrived = new CompletableFuture<Response>();
    var done = new CompletableFuture<Result>();
    Request request;
    try {
      request =
          client
              .newRequest(url)
              .method(HttpMethod.POST)
              .timeout(timeouts.total().toMillis(), TimeUnit.MILLISECONDS)
              .headers(
                  headers ->
                      headers
                          .put("User-Agent", USER_AGENT)
                          .put(
                              WebhookSignature.HEADER,
                              WebhookSignature.sign(delivery.secret(), timestamp, body)))
              .body(new StringRequestContent("application/json", body, StandardCharsets.UTF_8))
              .onResponseHeaders(headersArrived::complete);
    } catch (IllegalArgumentException e) {
      return Attempt.of(new Outcome.Failed(null, "not a URL the client accepts", null));
    }
    request.onRequestSuccess(
        sent ->
            client
                .getScheduler()
                .schedule(
                    () -> {
                      if (!headersArrived.isDone()) {
                        sent.abort(new TimeoutException("no headers in time"));
                      }
                    },
                    timeouts.headers().toMillis(),
                    TimeUnit.MILLISECONDS));
    // the body is read and dropped (Jetty discards content nobody listens to): nothing is kept
    request.send(done::complete);
    Result result;
    try {
      result = done.get(timeouts.total().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.abort(e);
      return Attempt.of(new Outcome.Failed(null, "interrupted before the answer", null));
    } catch (ExecutionException | TimeoutException e) {
      request.abort(e);
      return Attempt.of(new Outcome.Failed(null, NO_ANSWER, null));
    }
    Response response = headersArrived.getNow(null);
    if (response != null) {
      int status = response.getStatus();
      if (status >= 200 && status < 300) {
        return Attempt.of(new Outcome.Delivered(status));
      }
      return Attempt.of(
          new Outcome.Failed(
              status,
              "HTTP " + status,
              RetryAfter.parse(response.getHeaders().get("Retry-After"), clock)));
    }
    Throwable failure = result.getFailure();
    if (causedBy(failure, EgressRefused.class)) {
      return new Attempt(new Outcome.Failed(null, REFUSED_BY_POLICY, null), false, true);
    }
    // no answer: a connection the receiver closed (kept alive on our side) is worth one more try;
    // timeouts, refused connections and unknown names are not
    boolean closedBeforeAnswer =
        !causedBy(
            failure,
            TimeoutException.class,
            java.net.SocketTimeoutException.class,
            java.net.ConnectException.class,
            UnknownHostException.class);
    return new Attempt(new Outcome.Failed(null, NO_ANSWER, null), closedBeforeAnswer, false);
  }

  private static boolean causedBy(Throwable failure, Class<?>... types) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (Class<?> type : types) {
        if (type.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) { // Jetty's lifecycle declares Exception
      throw new IllegalStateException("the webhook HTTP client did not stop", e);
    }
  }

  /**
   * Resolves a receiver's host, then keeps only the addresses the egress policy allows: the client
   * connects only to what this hands it, so the check applies to the connected address.
   */
  static final class PolicyResolver implements SocketAddressResolver {
    private final EgressPolicy egress;

    PolicyResolver(EgressPolicy egress) {
      this.egress = egress;
    }

    @Override
    public void resolve(
        String host,
        int port,
        Map<String, Object> context,
        Promise<List<InetSocketAddress>> promise) {
      List<InetAddress> addresses;
      try {
        addresses = egress.addresses(host);
      } catch (UnknownHostException e) {
        promise.failed(e);
        return;
      }
      List<InetSocketAddress> allowed =
          addresses.stream()
              .filter(egress::permits)
              .map(address -> new InetSocketAddress(address, port))
              .toList();
      if (allowed.isEmpty()) {
        promise.failed(new EgressRefused());
      } else {
        promise.succeeded(allowed);
      }
    }
  }

  /** Every address of a receiver is refused by the egress policy. */
  static final class EgressRefused extends java.io.IOException {
    EgressRefused() {
      super("refused by the egress policy");
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

  /** What the circuit breaker is told failed (never thrown). */
  private static final class ReceiverUnavailable extends IOException {
    ReceiverUnavailable() {
      super("receiver unavailable");
    }
  }
}
