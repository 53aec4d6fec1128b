package io.leadscore.bootstrap.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadscore.adapter.http.delivery.WebhookSignature;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.server.TestServer.Answer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Outbound webhooks and vendor sources as an integrator meets them, over real HTTP on H2 and
 * PostgreSQL: a subscription receives signed {@code score.tier_changed} and {@code
 * topic.interested} deliveries at a WireMock receiver; a source (the test vendor module, found by
 * {@code ServiceLoader} like a real one) is configured with its secrets masked, synced through a
 * job, and fed through its inbound hook.
 */
class WebhooksAndSourcesIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OnH2 extends Scenario {
    OnH2() {
      super(TestServer.Kind.H2);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

    @BeforeAll
    void start() {
      receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      receiver.start();
      receiver.stubFor(
          post(urlEqualTo("/hooks/leadscore")).willReturn(aResponse().withStatus(204)));
      server = TestServer.start(kind);
    }

    @AfterAll
    void stop() throws Exception {
      server.close();
      receiver.stop();
    }

    @Test
    void a_subscriber_receives_signed_tier_changes_and_topic_interest() throws Exception {
      String admin = server.key("hooks", Scope.ADMIN);
      String stranger = server.key("elsewhere", Scope.ADMIN);
      Answer created =
          server.post(
              "/v1/webhooks",
              admin,
              """
              {"url": "http://127.0.0.1:%d/hooks/leadscore",
               "types": ["score.tier_changed", "topic.interested"], "description": "CRM"}
              """
                  .formatted(receiver.port()));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().at("/webhook/id").asText();
      String secret = created.json().get("secret").asText();
      assertThat(secret).startsWith("whsec_");
      assertThat(server.get("/v1/webhooks", admin).body()).doesNotContain(secret);
      assertThat(server.get("/v1/webhooks/" + id, admin).body()).doesNotContain(secret);
      assertThat(server.get("/v1/webhooks/" + id, stranger).status()).isEqualTo(404);

      server.put(
          "/v1/models/b2b-default/draft", admin, "application/yaml", ApiEndToEndIT.sampleModel());
      awaitJob(
          server.post("/v1/models/b2b-default/publish", admin, "").json().at("/job/id").asText(),
          admin);
      String now = Instant.now().minusSeconds(60).toString();
      Answer ingested =
          server.post(
              "/v1/events",
              admin,
              """
              {"events": [
                {"type": "form.submitted", "occurredAt": "%1$s", "contact": {"email": "hot@x.example"},
                 "properties": {"form": "consultation"}},
                {"type": "email.clicked", "occurredAt": "%1$s", "contact": {"email": "hot@x.example"},
                 "properties": {"url": "https://ex.com/blog/network-risks"}},
                {"type": "email.clicked", "occurredAt": "%1$s", "contact": {"email": "hot@x.example"},
                 "properties": {"url": "https://ex.com/blog/mobile-risks"}},
                {"type": "email.clicked", "occurredAt": "%1$s", "contact": {"email": "hot@x.example"},
                 "properties": {"url": "https://ex.com/blog/ransomware"}}
              ]}
              """
                  .formatted(now));
      assertThat(ingested.json().get("accepted").asInt()).isEqualTo(4);

      List<LoggedRequest> requests =
          Await.value(
              "a tier change and a topic interest at the receiver",
              PATIENCE,
              () -> receiver.findAll(postRequestedFor(urlEqualTo("/hooks/leadscore"))),
              found -> types(found).containsAll(List.of("score.tier_changed", "topic.interested")));
      for (LoggedRequest request : requests) {
        String body = request.getBodyAsString();
        assertThat(
                WebhookSignature.verify(
                    secret,
                    request.getHeader(WebhookSignature.HEADER),
                    body,
                    Instant.now(),
                    Duration.ofMinutes(5)))
            .as("signature of " + body)
            .isTrue();
        JsonNode payload = JSON.readTree(body);
        assertThat(payload.get("id").asText()).isNotEmpty();
        assertThat(payload.get("workspace").asText()).isEqualTo("hooks");
        assertThat(payload.at("/data/contactId").asText()).startsWith("c_");
      }
      JsonNode tierChange =
          requests.stream()
              .map(request -> read(request.getBodyAsString()))
              .filter(payload -> payload.get("type").asText().equals("score.tier_changed"))
              .findFirst()
              .orElseThrow();
      assertThat(tierChange.at("/data/to").asText()).isEqualTo("hot");

      JsonNode delivered =
          Await.value(
              "the deliveries listed as delivered",
              PATIENCE,
              () -> server.get("/v1/webhooks/" + id + "/deliveries?state=delivered", admin).json(),
              page -> page.get("items").size() >= 2);
      assertThat(delivered.at("/items/0/attempts").asInt()).isEqualTo(1);
      assertThat(server.delete("/v1/webhooks/" + id, stranger).status()).isEqualTo(404);
      assertThat(server.delete("/v1/webhooks/" + id, admin).status()).isEqualTo(204);
    }

    @Test
    void a_source_is_configured_synced_and_fed_by_its_hook() {
      String admin = server.key("vendors", Scope.ADMIN);
      Answer unknownKind =
          server.post("/v1/sources", admin, "{\"kind\": \"nope\", \"settings\": {}}");
      assertThat(unknownKind.status()).isEqualTo(422);
      assertThat(unknownKind.json().get("errors").findValuesAsText("path")).contains("kind");
      assertThat(unknownKind.body()).contains("fake");

      Answer created =
          server.post(
              "/v1/sources",
              admin,
              """
              {"kind": "fake", "name": "Test vendor", "settings": {"apiKey": "vendor-secret-123"},
               "writeBack": {"tierTag": true}}
              """);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().at("/source/id").asText();
      String hookSecret = created.json().get("hookSecret").asText();
      assertThat(created.body()).doesNotContain("vendor-secret-123");
      assertThat(server.get("/v1/sources", admin).body())
          .doesNotContain("vendor-secret-123")
          .doesNotContain(hookSecret);
      assertThat(server.get("/v1/sources/" + id, admin).json().at("/settings/apiKey").asText())
          .isEqualTo("********");

      Answer sync = server.post("/v1/sources/" + id + "/sync", admin, "");
      assertThat(sync.status()).isEqualTo(202);
      JsonNode job = awaitJob(sync.json().get("id").asText(), admin);
      assertThat(job.at("/counts/pages").asInt()).isEqualTo(3);
      assertThat(job.at("/counts/contacts").asInt()).isEqualTo(6);
      assertThat(job.at("/counts/events").asInt()).isEqualTo(12);
      assertThat(server.get("/v1/contacts?source=fake&externalId=m2-1", admin).json().get("items"))
          .hasSize(1);

      String form = "type=email.opened&email=hook%40x.example&at=2026-11-20T10%3A00%3A00Z&key=h-1";
      assertThat(hook(id, "wrong", form).status()).isEqualTo(401);
      assertThat(hook("src_unknown", hookSecret, form).status()).isEqualTo(401);
      Answer first = hook(id, hookSecret, form);
      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
      assertThat(hook(id, hookSecret, form).json().get("duplicates").asInt()).isEqualTo(1);
      Answer ping = server.get("/v1/hooks/" + id + "?secret=" + hookSecret, null);
      assertThat(ping.status()).isEqualTo(200);
      assertThat(ping.body()).isEqualTo("ok");
    }

    private Answer hook(String source, String secret, String form) {
      return server.send(
          server
              .request("/v1/hooks/" + source + "?secret=" + secret, null)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private JsonNode awaitJob(String id, String key) {
      JsonNode job =
          Await.value(
              "job " + id,
              PATIENCE,
              () -> server.get("/v1/jobs/" + id, key).json(),
              node -> List.of("succeeded", "failed").contains(node.path("state").asText()));
      assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
      return job;
    }

    private static List<String> types(List<LoggedRequest> requests) {
      return requests.stream().map(r -> read(r.getBodyAsString()).get("type").asText()).toList();
    }

    private static JsonNode read(String body) {
      try {
        return JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError(body, e);
      }
    }
  }
}
