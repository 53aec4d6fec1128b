package io.leadscore.bootstrap.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.Scope;
import io.leadscore.application.port.out.TopicInterest;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.server.TestServer.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The egress policy and webhook delivery under attack, over real HTTP on H2 and PostgreSQL: URLs
 * that reach the server's own network are refused at creation and never connected to, even when a
 * name allowed at creation is forbidden later; a workspace's subscriptions are capped; a receiver
 * that stalls delays no other; one that closes every connection costs no failed attempt; and the
 * delivery list shows no answer body and no port-state hint.
 */
class EgressIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final AtomicInteger CONTACTS = new AtomicInteger();

  @Nested
  class OnH2 extends Scenario {
    OnH2() {
      super(TestServer.Kind.H2);
    }
  }

  @Nested
  class OnPostgres extends Scenario {
    OnPostgres() {
      super(TestServer.Kind.POSTGRES);
    }
  }

  abstract static class Scenario {
    private final TestServer.Kind kind;
    private TestServer server;
    private WireMockServer receiver;

    Scenario(TestServer.Kind kind) {
      this.kind = kind;
    }

    @BeforeEach
    void start() {
      receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      receiver.start();
      receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
      receiver.stubFor(
          post(urlEqualTo("/broken"))
              .willReturn(aResponse().withStatus(500).withBody("INTERNAL-DETAIL stack trace")));
    }

    @AfterEach
    void stop() throws Exception {
      if (server != null) {
        server.close();
      }
      receiver.stop();
    }

    private void startServer(LeadscoreConfig.Egress egress) {
      server = TestServer.start(kind, Clock.systemUTC(), config -> config.withEgress(egress));
    }

    @Test
    void webhooks_to_every_forbidden_address_form_are_422_at_url_and_nothing_is_called() {
      startServer(LeadscoreConfig.Egress.PUBLIC_ONLY);
      String admin = server.key("egress", Scope.ADMIN);
      int port = receiver.port();
      List<String> forbidden =
          List.of(
              "http://127.0.0.1:%d/hook",
              "http://localhost:%d/hook",
              "http://[::1]:%d/hook",
              "http://0.0.0.0:%d/hook",
              "http://2130706433:%d/hook",
              "http://0x7f000001:%d/hook",
              "http://0177.0.0.1:%d/hook",
              "http://127.1:%d/hook",
              "http://[::ffff:127.0.0.1]:%d/hook",
              "http://169.254.169.254:%d/latest/meta-data/",
              "http://10.0.0.1:%d/hook",
              "http://172.16.0.1:%d/hook",
              "http://192.168.1.1:%d/hook",
              "http://[fc00::1]:%d/hook",
              "http://[fe80::1]:%d/hook",
              "http://100.64.0.1:%d/hook",
              "http://224.0.0.1:%d/hook",
              "http://255.255.255.255:%d/hook",
              "ftp://127.0.0.1:%d/hook",
              "file:///etc/passwd?%d");
      for (String template : forbidden) {
        String url = template.formatted(port);
        Answer created =
            server.post(
                "/v1/webhooks",
                admin,
                "{\"url\": \"%s\", \"types\": [\"topic.interested\"]}".formatted(url));
        assertThat(created.status()).as(url + ": " + created.body()).isEqualTo(422);
        assertThat(created.json().at("/errors/0/path").asText()).as(url).isEqualTo("url");
      }
      assertThat(server.get("/v1/webhooks", admin).json().at("/items").size()).isZero();
      assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_name_allowed_at_creation_is_not_connected_to_once_the_policy_forbids_it() {
      startServer(TestServer.LOOPBACK);
      String admin = server.key("rebind", Scope.ADMIN);
      String id = subscribe(admin, "http://localhost:%d/hook".formatted(receiver.port()));
      // the operator removes the loopback allowance: the stored name now resolves to a refused
      // address, and delivery must not connect to it
      server = server.reopen(config -> config.withEgress(LeadscoreConfig.Egress.PUBLIC_ONLY));
      notify("rebind", 1);
      JsonNode delivery =
          Await.value(
              "a recorded attempt",
              PATIENCE,
              () -> server.get("/v1/webhooks/" + id + "/deliveries", admin).json().at("/items/0"),
              node -> node.path("attempts").asInt() >= 1 && node.hasNonNull("lastError"));
      assertThat(delivery.get("lastError").asText()).contains("egress policy");
      assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @Test
    void with_loopback_allowed_a_local_receiver_gets_its_deliveries_by_name() {
      startServer(TestServer.LOOPBACK);
      String admin = server.key("local", Scope.ADMIN);
      String id = subscribe(admin, "http://localhost:%d/hook".formatted(receiver.port()));
      notify("local", 3);
      awaitDelivered(admin, id, 3);
    }

    @Test
    void a_workspace_holds_at_most_25_subscriptions() {
      startServer(TestServer.LOOPBACK);
      String admin = server.key("many", Scope.ADMIN);
      for (int i = 0; i < 25; i++) {
        subscribe(admin, "http://127.0.0.1:%d/hook".formatted(receiver.port()));
      }
      Answer refused =
          server.post(
              "/v1/webhooks",
              admin,
              "{\"url\": \"http://127.0.0.1:%d/hook\", \"types\": [\"topic.interested\"]}"
                  .formatted(receiver.port()));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.body()).contains("25");
      assertThat(server.get("/v1/webhooks", admin).json().at("/items").size()).isEqualTo(25);
    }

    @Test
    void a_receiver_that_stalls_its_body_delays_no_other_receiver() throws Exception {
      startServer(TestServer.LOOPBACK);
      try (var stalling = new RawReceiver(RawReceiver.Behaviour.STALL_BODY)) {
        String slowAdmin = server.key("slow", Scope.ADMIN);
        String fastAdmin = server.key("fast", Scope.ADMIN);
        subscribe(slowAdmin, "http://127.0.0.1:%d/stall".formatted(stalling.port()));
        String fast = subscribe(fastAdmin, "http://127.0.0.1:%d/hook".formatted(receiver.port()));
        notify("slow", 3);
        Await.until(
            "the stalling receiver holds attempts", PATIENCE, () -> stalling.requests() >= 1);
        notify("fast", 5);
        awaitDelivered(fastAdmin, fast, 5);
        // every healthy delivery arrived while the stalled attempts were still waiting for a body
        assertThat(stalling.abandoned()).isZero();
      }
    }

    @Test
    void a_receiver_that_closes_every_connection_costs_no_failed_attempt() throws Exception {
      startServer(TestServer.LOOPBACK);
      try (var closing = new RawReceiver(RawReceiver.Behaviour.CLOSE_EACH)) {
        String admin = server.key("closing", Scope.ADMIN);
        String id = subscribe(admin, "http://127.0.0.1:%d/close".formatted(closing.port()));
        notify("closing", 30);
        JsonNode delivered = awaitDelivered(admin, id, 30);
        for (JsonNode delivery : delivered) {
          assertThat(delivery.get("attempts").asInt()).as(delivery.toString()).isEqualTo(1);
        }
      }
    }

    @Test
    void the_delivery_list_shows_no_answer_body_and_no_port_state() {
      startServer(TestServer.LOOPBACK);
      String admin = server.key("leaky", Scope.ADMIN);
      String broken = subscribe(admin, "http://127.0.0.1:%d/broken".formatted(receiver.port()));
      String closed = subscribe(admin, "http://127.0.0.1:%d/x".formatted(FreePort.pick()));
      notify("leaky", 1);
      JsonNode fromBroken = awaitAttempt(admin, broken);
      JsonNode fromClosed = awaitAttempt(admin, closed);
      assertThat(fromBroken.get("lastError").asText()).isEqualTo("HTTP 500");
      assertThat(fromBroken.get("lastStatus").asInt()).isEqualTo(500);
      String error = fromClosed.get("lastError").asText();
      assertThat(error)
          .doesNotContainIgnoringCase("refused")
          .doesNotContainIgnoringCase("reset")
          .doesNotContain("Exception")
          .doesNotContain("127.0.0.1");
      assertThat(server.get("/v1/webhooks/" + broken + "/deliveries", admin).body())
          .doesNotContain("INTERNAL-DETAIL");
    }

    private String subscribe(String admin, String url) {
      Answer created =
          server.post(
              "/v1/webhooks",
              admin,
              "{\"url\": \"%s\", \"types\": [\"topic.interested\"]}".formatted(url));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      return created.json().at("/webhook/id").asText();
    }

    private void notify(String workspace, int count) {
      Notifier notifier = server.node().get(Notifier.class);
      for (int i = 0; i < count; i++) {
        notifier.topicInterested(
            new TopicInterest(
                workspace, "m", "c-" + CONTACTS.incrementAndGet(), "pricing", 3, Instant.now()));
      }
    }

    private JsonNode awaitDelivered(String admin, String id, int count) {
      return Await.value(
          count + " deliveries delivered",
          PATIENCE,
          () ->
              server
                  .get("/v1/webhooks/" + id + "/deliveries?state=delivered", admin)
                  .json()
                  .at("/items"),
          data -> data.size() == count);
    }

    private JsonNode awaitAttempt(String admin, String id) {
      return Await.value(
          "a failed attempt",
          PATIENCE,
          () -> server.get("/v1/webhooks/" + id + "/deliveries", admin).json().at("/items/0"),
          node -> node.hasNonNull("lastError"));
    }
  }
}
