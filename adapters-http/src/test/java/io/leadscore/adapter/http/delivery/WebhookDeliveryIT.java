package io.leadscore.adapter.http.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.leadscore.adapter.jdbc.JdbcApplication;
import io.leadscore.adapter.jdbc.JdbcPersistence;
import io.leadscore.adapter.jdbc.TestDatabase;
import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.port.in.CreateWebhookCommand;
import io.leadscore.application.port.in.CreatedWebhook;
import io.leadscore.application.port.out.DeliveryState;
import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.WebhookDelivery;
import io.leadscore.application.service.DeliverWebhooksService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook delivery end to end below the HTTP routes (quality.md, "webhook-delivery"): the deliver
 * use case on the JDBC outbox (H2 and PostgreSQL), the real {@link JettyWebhookSender} and {@link
 * Resilience4jBackoff}, and a WireMock receiver; time moves by a {@link MutableClock}.
 */
class WebhookDeliveryIT {
  static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  static final String WS = "acme";
  static final ObjectMapper JSON = new ObjectMapper();

  /** A breaker that does not open in these tests unless one asks for it. */
  static final CircuitBreakerConfig PATIENT =
      CircuitBreakerConfig.custom().slidingWindowSize(100).minimumNumberOfCalls(100).build();

  abstract static class On {
    abstract TestDatabase db();

    final MutableClock clock = new MutableClock(T0);
    final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
    JdbcPersistence persistence;

    @BeforeEach
    void start() {
      receiver.start();
      persistence = new JdbcPersistence(db().database(), clock);
    }

    @AfterEach
    void stop() {
      receiver.stop();
    }

    Application node(String name, Duration timeout, CircuitBreakerConfig breaker) {
      return JdbcApplication.on(
          persistence,
          clock,
          name,
          new JettyWebhookSender(
              clock,
              Application.TEST_EGRESS,
              new JettyWebhookSender.Timeouts(timeout, timeout, timeout),
              breaker),
          new Resilience4jBackoff());
    }

    Application node(String name) {
      return node(name, Duration.ofSeconds(10), PATIENT);
    }

    CreatedWebhook subscribe(Application app) {
      return app.webhooks.create(
          new CreateWebhookCommand(
              WS,
              Map.of(
                  "url",
                  receiver.baseUrl() + "/hooks",
                  "types",
                  List.of(Notification.TIER_CHANGED))));
    }

    void tierChange(String contact) {
      persistence
          .transactions()
          .run(
              () ->
                  persistence
                      .notifier()
                      .tierChanged(
                          new TierChange(WS, "b2b", contact, "warm", "hot", 77, clock.instant())));
    }

    WebhookDelivery only(Application app, CreatedWebhook hook) {
      List<WebhookDelivery> all = app.webhooks.deliveries(WS, hook.subscription().id(), null, 10);
      assertThat(all).hasSize(1);
      return all.get(0);
    }

    List<ServeEvent> requests() {
      return receiver.getAllServeEvents().stream()
          .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
          .toList();
    }

    static JsonNode body(ServeEvent event) {
      try {
        return JSON.readTree(event.getRequest().getBodyAsString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Asserts the request is signed with the secret at {@code at}, and well formed. */
    static void assertSigned(ServeEvent event, String secret, Instant at) {
      var request = event.getRequest();
      String header = request.getHeader(WebhookSignature.HEADER);
      assertThat(header).startsWith("t=" + at.getEpochSecond() + ",v1=");
      assertThat(
              WebhookSignature.verify(
                  secret, header, request.getBodyAsString(), at, Duration.ofMinutes(5)))
          .isTrue();
      assertThat(
              WebhookSignature.verify(
                  secret + "x", header, request.getBodyAsString(), at, Duration.ofMinutes(5)))
          .isFalse();
      assertThat(request.getHeader("Content-Type")).startsWith("application/json");
      assertThat(request.getHeader("User-Agent")).isEqualTo("Leadscore-Webhooks/1");
    }

    static void await(BooleanSupplier condition) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!condition.getAsBoolean()) {
        assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
        LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
      }
    }

    @Test
    void a_receiver_failing_twice_gets_the_notification_on_the_backoff_schedule_once_accepted() {
      receiver.stubFor(
          post("/hooks")
              .inScenario("flaky")
              .whenScenarioStateIs(STARTED)
              .willReturn(aResponse().withStatus(500).withBody("boom"))
              .willSetStateTo("failed once"));
      receiver.stubFor(
          post("/hooks")
              .inScenario("flaky")
              .whenScenarioStateIs("failed once")
              .willReturn(aResponse().withStatus(500))
              .willSetStateTo("failed twice"));
      receiver.stubFor(
          post("/hooks")
              .inScenario("flaky")
              .whenScenarioStateIs("failed twice")
              .willReturn(aResponse().withStatus(200)));
      Application app = node("node-1");
      CreatedWebhook hook = subscribe(app);
      tierChange("c1");

      assertThat(app.deliverWebhooks.deliverDue(10)).isEqualTo(1);
      WebhookDelivery first = only(app, hook);
      assertThat(first.state()).isEqualTo(DeliveryState.PENDING);
      assertThat(first.lastStatus()).isEqualTo(500);
      assertThat(first.lastError()).isEqualTo("HTTP 500"); // the answer's body is never kept
      // 30 s with ±50 % jitter
      assertThat(first.nextAttemptAt()).isBetween(T0.plusSeconds(15), T0.plusSeconds(45));

      clock.set(first.nextAttemptAt().minusSeconds(1));
      assertThat(app.deliverWebhooks.deliverDue(10)).isZero();
      clock.set(first.nextAttemptAt());
      Instant secondAt = clock.instant();
      assertThat(app.deliverWebhooks.deliverDue(10)).isEqualTo(1);
      WebhookDelivery second = only(app, hook);
      assertThat(second.attempts()).isEqualTo(2);
      // 60 s with ±50 % jitter
      assertThat(second.nextAttemptAt())
          .isBetween(secondAt.plusSeconds(30), secondAt.plusSeconds(90));

      clock.set(second.nextAttemptAt());
      Instant thirdAt = clock.instant();
      assertThat(app.deliverWebhooks.deliverDue(10)).isEqualTo(1);
      WebhookDelivery delivered = only(app, hook);
      assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
      assertThat(delivered.deliveredAt()).isEqualTo(thirdAt);
      assertThat(delivered.attempts()).isEqualTo(3);
      assertThat(delivered.nextAttemptAt()).isNull();

      clock.advance(Duration.ofDays(2));
      assertThat(app.deliverWebhooks.deliverDue(10)).isZero();
      List<ServeEvent> requests = requests();
      assertThat(requests).hasSize(3);
      assertThat(requests)
          .extracting(event -> event.getResponse().getStatus())
          .containsExactly(500, 500, 200);
      assertThat(requests)
          .extracting(event -> body(event).get("id").asText())
          .containsOnly(delivered.notificationId());
      List<Instant> sentAt = List.of(T0, secondAt, thirdAt);
      for (int i = 0; i < 3; i++) {
        assertSigned(requests.get(i), hook.secret(), sentAt.get(i));
      }
      JsonNode body = body(requests.get(2));
      assertThat(body.get("type").asText()).isEqualTo(Notification.TIER_CHANGED);
      assertThat(body.get("workspace").asText()).isEqualTo(WS);
      assertThat(body.get("occurredAt").asText()).isEqualTo(T0.toString());
      assertThat(body.get("data").get("contactId").asText()).isEqualTo("c1");
      assertThat(body.get("data").get("to").asText()).isEqualTo("hot");
    }

    @Test
    void a_receiver_slower_than_the_timeout_counts_as_a_failure_and_is_retried() {
      receiver.stubFor(
          post("/hooks")
              .inScenario("slow")
              .whenScenarioStateIs(STARTED)
              .willReturn(aResponse().withStatus(200).withFixedDelay(3_000))
              .willSetStateTo("awake"));
      receiver.stubFor(
          post("/hooks")
              .inScenario("slow")
              .whenScenarioStateIs("awake")
              .willReturn(aResponse().withStatus(204)));
      Application app = node("node-1", Duration.ofSeconds(1), PATIENT);
      CreatedWebhook hook = subscribe(app);
      tierChange("c1");

      assertThat(app.deliverWebhooks.deliverDue(10)).isEqualTo(1);
      WebhookDelivery timedOut = only(app, hook);
      assertThat(timedOut.state()).isEqualTo(DeliveryState.PENDING);
      assertThat(timedOut.lastStatus()).isNull();
      assertThat(timedOut.lastError()).isEqualTo(JettyWebhookSender.NO_ANSWER);

      clock.set(timedOut.nextAttemptAt());
      assertThat(app.deliverWebhooks.deliverDue(10)).isEqualTo(1);
      assertThat(only(app, hook).state()).isEqualTo(DeliveryState.DELIVERED);
      assertThat(only(app, hook).lastStatus()).isEqualTo(204);
      // the slow answer is logged once it is written: the receiver saw the same id twice
      await(() -> receiver.getAllServeEvents().size() == 2);
      assertThat(requests())
          .extracting(event -> body(event).get("id").asText())
          .containsOnly(timedOut.notificationId());
    }

    @Test
    void deliveries_whose_node_died_are_sent_again_after_the_lease_with_the_same_id() {
      receiver.stubFor(post("/hooks").willReturn(aResponse().withStatus(200)));
      Application dead = node("node-dead");
      CreatedWebhook hook = subscribe(dead);
      tierChange("c1");
      tierChange("c2");
      dead.deliverWebhooks.deliverDue(0); // routes only: no attempt
      var deliveries = persistence.deliveries();
      // node-dead claims both (committed), sends one, and dies before recording either outcome
      var claimed =
          deliveries.claim("node-dead", clock.instant(), DeliverWebhooksService.LEASE, 10);
      assertThat(claimed).hasSize(2);
      var sender =
          new JettyWebhookSender(
              clock, Application.TEST_EGRESS, JettyWebhookSender.Timeouts.DEFAULT, PATIENT);
      assertThat(sender.send(claimed.get(1)))
          .isInstanceOf(io.leadscore.application.port.out.WebhookSender.Outcome.Delivered.class);

      // restart: a new node on the same database
      var restartedPersistence = new JdbcPersistence(db().database(), clock);
      Application restarted =
          JdbcApplication.on(
              restartedPersistence,
              clock,
              "node-2",
              new JettyWebhookSender(
                  clock, Application.TEST_EGRESS, JettyWebhookSender.Timeouts.DEFAULT, PATIENT),
              new Resilience4jBackoff());
      assertThat(restarted.deliverWebhooks.deliverDue(10)).isZero(); // still leased
      clock.advance(DeliverWebhooksService.LEASE);
      assertThat(restarted.deliverWebhooks.deliverDue(10)).isEqualTo(2);

      assertThat(
              restarted.webhooks.deliveries(
                  WS, hook.subscription().id(), DeliveryState.DELIVERED, 10))
          .hasSize(2)
          .allSatisfy(delivery -> assertThat(delivery.attempts()).isEqualTo(2));
      assertThat(
              deliveries.record(
                  claimed.get(0),
                  "node-dead",
                  io.leadscore.application.port.out.DeliveryUpdate.failed(500, "late")))
          .isFalse();
      List<String> ids = requests().stream().map(event -> body(event).get("id").asText()).toList();
      assertThat(ids)
          .hasSize(3)
          .containsOnly(claimed.get(0).notificationId(), claimed.get(1).notificationId());
      assertThat(ids.stream().filter(claimed.get(0).notificationId()::equals)).hasSize(1);
      assertThat(ids.stream().filter(claimed.get(1).notificationId()::equals)).hasSize(2);
    }

    @Test
    void a_delivery_failing_for_24_hours_is_marked_failed_and_listed() {
      receiver.stubFor(post("/hooks").willReturn(aResponse().withStatus(503)));
      Application app = node("node-1");
      CreatedWebhook hook = subscribe(app);
      tierChange("c1");

      int attempts = 0;
      for (WebhookDelivery delivery = null;
          delivery == null || delivery.state() == DeliveryState.PENDING;
          delivery = only(app, hook)) {
        if (delivery != null) {
          assertThat(delivery.nextAttemptAt()).isAfter(clock.instant());
          clock.set(delivery.nextAttemptAt());
        }
        attempts += app.deliverWebhooks.deliverDue(10);
      }

      assertThat(clock.instant()).isEqualTo(T0.plus(DeliverWebhooksService.RETRY_FOR));
      WebhookDelivery failed =
          app.webhooks.deliveries(WS, hook.subscription().id(), DeliveryState.FAILED, 10).get(0);
      assertThat(failed.attempts()).isEqualTo(attempts).isBetween(10, 40);
      assertThat(failed.lastStatus()).isEqualTo(503);
      assertThat(failed.nextAttemptAt()).isNull();
      assertThat(app.webhooks.deliveries(WS, hook.subscription().id(), DeliveryState.PENDING, 10))
          .isEmpty();
      assertThat(requests()).hasSize(attempts);
      clock.advance(Duration.ofDays(1));
      assertThat(app.deliverWebhooks.deliverDue(10)).isZero();
    }

    @Test
    void an_open_circuit_skips_a_dead_receiver_and_reschedules() {
      receiver.stubFor(post("/hooks").willReturn(aResponse().withStatus(503)));
      CircuitBreakerConfig quick =
          CircuitBreakerConfig.custom()
              .slidingWindowSize(2)
              .minimumNumberOfCalls(2)
              .failureRateThreshold(100)
              .waitDurationInOpenState(Duration.ofHours(1))
              .build();
      Application app = node("node-1", Duration.ofSeconds(10), quick);
      CreatedWebhook hook = subscribe(app);
      tierChange("c1");
      tierChange("c2");
      tierChange("c3");

      assertThat(app.deliverWebhooks.deliverDue(10)).isEqualTo(3);

      assertThat(requests()).hasSize(2);
      List<WebhookDelivery> skipped =
          app.webhooks.deliveries(WS, hook.subscription().id(), null, 10).stream()
              .filter(delivery -> delivery.lastStatus() == null)
              .toList();
      assertThat(skipped).hasSize(1);
      assertThat(skipped.get(0).lastError()).contains("circuit breaker is open");
      assertThat(skipped.get(0).nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }
  }

  @Nested
  class OnH2 extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
      return db;
    }
  }

  @Nested
  class OnPostgres extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }
  }
}
