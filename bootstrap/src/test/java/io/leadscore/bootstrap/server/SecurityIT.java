package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadscore.adapter.http.api.ApiServer;
import io.leadscore.adapter.http.api.Route;
import io.leadscore.adapter.jdbc.Database;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.server.RouteRequests.Request;
import io.leadscore.bootstrap.server.TestServer.Answer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API's security and robustness end to end (http-api.md "Conventions"; quality.md rows
 * cross-workspace, request-limits and key-store), on the embedded database and on PostgreSQL. Walks
 * every route {@link ApiServer#routes()} lists, so a new route is covered (or the test fails until
 * {@link RouteRequests} has a request for it).
 */
class SecurityIT {
  private static final String PROBLEM_JSON = "application/problem+json";

  @Nested
  class OnH2 extends Checks {
    @Override
    TestServer.Kind kind() {
      return TestServer.Kind.H2;
    }
  }

  @Nested
  class OnPostgres extends Checks {
    @Override
    TestServer.Kind kind() {
      return TestServer.Kind.POSTGRES;
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Checks {
    private TestServer server;
    private Tenant alpha;
    private Tenant bravo;
    private String charlie;
    private List<Route> routes;
    private final List<String> issued = new ArrayList<>();

    abstract TestServer.Kind kind();

    @BeforeAll
    void start() {
      server = TestServer.start(kind());
      alpha = Tenant.create(server, "alpha-ws", "Alpha");
      bravo = Tenant.create(server, "bravo-ws", "Bravo");
      charlie = server.key("charlie-ws", Scope.ADMIN);
      issued.addAll(alpha.keys());
      issued.addAll(bravo.keys());
      issued.add(charlie);
      routes = server.node().get(ApiServer.class).routes();
    }

    @AfterAll
    void stop() throws Exception {
      if (server != null) {
        server.close();
      }
    }

    // ---------------------------------------------------------------- the route table

    @Test
    void every_route_has_a_request_template() {
      assertThat(routes).isNotEmpty();
      var missing =
          routes.stream()
              .filter(route -> RouteRequests.forRoute(route, alpha).isEmpty())
              .map(RouteRequests::key)
              .toList();
      assertThat(missing).as("routes without a request in RouteRequests").isEmpty();
    }

    @Test
    void a_read_key_reaches_every_read_route_of_its_own_workspace() {
      var soft = new SoftAssertions();
      for (Route route : keyed(Scope.READ)) {
        Request request = request(route, alpha);
        Answer answer = send(request, alpha.read());
        soft.assertThat(answer.status()).as(request + ": " + answer.body()).isEqualTo(200);
      }
      soft.assertAll();
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void every_keyed_route_without_a_key_is_401_with_a_bearer_challenge() {
      var soft = new SoftAssertions();
      for (Route route : keyed(null)) {
        Request request = request(route, alpha);
        Answer answer = send(request, null);
        soft.assertThat(answer.status()).as(request + ": " + answer.body()).isEqualTo(401);
        soft.assertThat(answer.header("WWW-Authenticate")).as(request + " challenge").isNotNull();
        if (answer.header("WWW-Authenticate") != null) {
          soft.assertThat(answer.header("WWW-Authenticate"))
              .as(request.toString())
              .startsWith("Bearer");
        }
        soft.assertThat(answer.contentType())
            .as(request + " content type")
            .startsWith(PROBLEM_JSON);
        soft.assertThat(answer.json().path("status").asInt()).as(request.toString()).isEqualTo(401);
      }
      soft.assertAll();
    }

    @Test
    void malformed_unknown_wrong_secret_and_revoked_keys_are_401_on_every_route() {
      var created = server.post("/v1/keys", alpha.admin(), "{\"scope\": \"admin\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String revoked = created.json().get("secret").asText();
      issued.add(revoked);
      assertThat(server.get("/v1/models", revoked).status()).isEqualTo(200);
      var revoke =
          server.delete("/v1/keys/" + created.json().get("key").get("id").asText(), alpha.admin());
      assertThat(revoke.status()).as(revoke.body()).isEqualTo(204);

      String secretOfAnother = alpha.admin().substring(21);
      Map<String, String> badHeaders =
          Map.of(
              "revoked at once", "Bearer " + revoked,
              "malformed", "Bearer not-a-key",
              "truncated", "Bearer " + alpha.admin().substring(0, alpha.admin().length() - 1),
              "well-formed but unknown", "Bearer lsk_aaaaaaaaaaaaaaaa_" + secretOfAnother,
              "known id, wrong secret", "Bearer " + alpha.admin().substring(0, 21) + "A".repeat(43),
              "another scheme", "Basic " + alpha.admin(),
              "empty bearer", "Bearer ",
              "bare key without scheme", alpha.admin());
      var soft = new SoftAssertions();
      for (Route route : keyed(null)) {
        Request request = request(route, alpha);
        for (var bad : badHeaders.entrySet()) {
          Answer answer =
              server.send(request.build(server, null).header("Authorization", bad.getValue()));
          soft.assertThat(answer.status())
              .as(request + " with a " + bad.getKey() + " key: " + answer.body())
              .isEqualTo(401);
          soft.assertThat(answer.contentType())
              .as(request + " " + bad.getKey())
              .startsWith(PROBLEM_JSON);
          soft.assertThat(answer.header("WWW-Authenticate"))
              .as(request + " " + bad.getKey())
              .startsWith("Bearer");
        }
      }
      soft.assertAll();
    }

    @Test
    void too_small_a_scope_is_403_on_every_write_and_admin_route() {
      var soft = new SoftAssertions();
      for (Route route : routes) {
        if (route.scope() == null || route.scope() == Scope.READ) {
          continue;
        }
        Request request = request(route, alpha);
        Answer answer = send(request, alpha.read());
        soft.assertThat(answer.status())
            .as(request + " with a read key: " + answer.body())
            .isEqualTo(403);
        soft.assertThat(answer.contentType()).as(request.toString()).startsWith(PROBLEM_JSON);
        if (route.scope() == Scope.ADMIN) {
          Answer withWrite = send(request, alpha.write());
          soft.assertThat(withWrite.status())
              .as(request + " with a write key: " + withWrite.body())
              .isEqualTo(403);
          soft.assertThat(withWrite.contentType()).as(request.toString()).startsWith(PROBLEM_JSON);
        }
      }
      soft.assertAll();
      assertBravoIntact();
    }

    // ---------------------------------------------------------------- workspaces

    @Test
    void a_key_of_one_workspace_never_reaches_another_workspace_s_data() {
      var soft = new SoftAssertions();
      for (Route route : keyed(null)) {
        Request request = request(route, bravo);
        if (request.createsData()) {
          // an upsert under ids the caller names: it lands in the caller's own workspace. Sent
          // from a third workspace, so alpha's view stays clean for the reads below.
          Answer answer = send(request, charlie);
          soft.assertThat(answer.status()).as(request + ": " + answer.body()).isLessThan(500);
          assertNoSecretsOf(soft, bravo, request, answer);
          continue;
        }
        Answer answer = send(request, alpha.admin());
        if (route.path().contains("{")) {
          soft.assertThat(answer.status())
              .as(request + " with ids of another workspace: " + answer.body())
              .isIn(403, 404);
          soft.assertThat(answer.contentType()).as(request.toString()).startsWith(PROBLEM_JSON);
        } else {
          soft.assertThat(answer.status()).as(request + ": " + answer.body()).isLessThan(500);
        }
        assertNoSecretsOf(soft, bravo, request, answer);
      }
      soft.assertAll();
      assertBravoIntact();
    }

    @Test
    void leaderboards_and_distributions_never_mix_workspaces() {
      for (Tenant tenant : List.of(alpha, bravo)) {
        Tenant other = tenant == alpha ? bravo : alpha;
        var board = server.get("/v1/leaderboard?model=" + Tenant.SHARED_MODEL, tenant.read());
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        assertThat(contactIds(board.json()))
            .as(tenant.workspace() + "'s leaderboard")
            .containsExactlyInAnyOrderElementsOf(tenant.contactIds());

        var seen = new ArrayList<String>();
        String cursor = null;
        do {
          var page =
              server.get(
                  "/v1/leaderboard?limit=1&model="
                      + Tenant.SHARED_MODEL
                      + (cursor == null ? "" : "&cursor=" + cursor),
                  tenant.read());
          assertThat(page.status()).as(page.body()).isEqualTo(200);
          seen.addAll(contactIds(page.json()));
          cursor = page.json().path("next").isNull() ? null : page.json().path("next").asText();
        } while (cursor != null && seen.size() <= 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(tenant.contactIds());

        var distribution =
            server.get("/v1/models/" + Tenant.SHARED_MODEL + "/distribution", tenant.read());
        assertThat(distribution.status()).as(distribution.body()).isEqualTo(200);
        assertThat(distribution.json().get("contacts").asLong())
            .as(distribution.body())
            .isEqualTo(tenant.contactIds().size());
        for (String secret : other.secrets()) {
          assertThat(board.body()).doesNotContain(secret);
          assertThat(distribution.body()).doesNotContain(secret);
        }
      }

      // another workspace's cursor gives nothing of that workspace
      var firstOfBravo =
          server.get("/v1/leaderboard?limit=1&model=" + Tenant.SHARED_MODEL, bravo.read());
      String bravoCursor = firstOfBravo.json().path("next").asText();
      var withAlpha =
          server.get(
              "/v1/leaderboard?limit=1&model=" + Tenant.SHARED_MODEL + "&cursor=" + bravoCursor,
              alpha.read());
      assertThat(withAlpha.status()).as(withAlpha.body()).isLessThan(500);
      for (String secret : bravo.secrets()) {
        assertThat(withAlpha.body()).doesNotContain(secret);
      }
    }

    @Test
    void open_routes_answer_without_a_key_and_leak_no_workspace_data() {
      var soft = new SoftAssertions();
      var open = routes.stream().filter(route -> route.scope() == null).toList();
      assertThat(open).extracting(RouteRequests::key).contains("GET /health", "GET /metrics");
      for (Route route : open) {
        Request request = request(route, bravo);
        Answer answer = send(request, null);
        // inbound hooks answer too, but without their source's secret they refuse
        int expected = route.path().startsWith("/v1/hooks/") ? 401 : 200;
        soft.assertThat(answer.status()).as(request + ": " + answer.body()).isEqualTo(expected);
        for (Tenant tenant : List.of(alpha, bravo)) {
          assertNoSecretsOf(soft, tenant, request, answer);
          soft.assertThat(answer.body()).as(request.toString()).doesNotContain(tenant.workspace());
        }
      }
      soft.assertAll();
    }

    @Test
    void an_inbound_hook_takes_only_its_own_source_s_secret() {
      var soft = new SoftAssertions();
      String form = "type=email.opened&email=hook%40bravo.example&key=cross-1";
      for (String method : List.of("GET", "POST")) {
        for (var attempt :
            Map.of(
                    "another source's secret", "?secret=" + alpha.hookSecret(),
                    "no secret", "",
                    "a wrong secret", "?secret=" + bravo.hookSecret() + "x",
                    "an API key as the secret", "?secret=" + bravo.admin())
                .entrySet()) {
          var request =
              server
                  .request("/v1/hooks/" + bravo.sourceId() + attempt.getValue(), bravo.admin())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .method(
                      method,
                      method.equals("GET")
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(form));
          Answer answer = server.send(request);
          soft.assertThat(answer.status())
              .as(method + " hook with " + attempt.getKey() + ": " + answer.body())
              .isEqualTo(401);
          soft.assertThat(answer.contentType()).as(attempt.getKey()).startsWith(PROBLEM_JSON);
          for (Tenant tenant : List.of(alpha, bravo)) {
            assertNoSecretsOf(
                soft,
                tenant,
                new Request(
                    method,
                    "/v1/hooks/" + bravo.sourceId() + attempt.getValue(),
                    null,
                    form,
                    false),
                answer);
          }
        }
      }
      soft.assertAll();
      var lookUp = server.get("/v1/contacts?email=hook@bravo.example", bravo.read());
      assertThat(lookUp.json().get("items")).as("nothing stored by a refused hook").isEmpty();
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void malformed_json_and_wrong_types_are_4xx_problems() {
      var soft = new SoftAssertions();
      String event = "{\"type\": \"a.b\", \"occurredAt\": \"2026-01-01T00:00:00Z\", ";
      expect(soft, post("/v1/events", alpha.write(), "{\"type\":"), 400, "");
      expect(soft, post("/v1/events", alpha.write(), "{\"type\": \"a.b\"} trailing"), 400, "");
      expect(soft, post("/v1/events", alpha.write(), "{'type': 'a.b'}"), 400, "");
      expect(
          soft,
          post(
              "/v1/events",
              alpha.write(),
              "{\"type\": 3, \"occurredAt\": \"yesterday\", \"contact\": 5}"),
          422,
          "type",
          "occurredAt",
          "contact");
      expect(
          soft,
          post("/v1/events", alpha.write(), event + "\"contact\": [\"a@b.c\"]}"),
          422,
          "contact");
      expect(
          soft,
          post("/v1/events", alpha.write(), event + "\"contact\": {\"email\": 7}}"),
          422,
          "contact.email");
      expect(
          soft,
          post("/v1/events", alpha.write(), "{\"events\": {\"not\": \"a list\"}}"),
          422,
          "events");
      expect(soft, post("/v1/events", alpha.write(), "[1, 2, 3]"), 422);
      expect(soft, post("/v1/events", alpha.write(), "\"just a string\""), 422);
      expect(soft, post("/v1/events", alpha.write(), "null"), 422, "");
      expect(soft, put("/v1/contacts", alpha.write(), "application/json", "null"), 422);
      expect(soft, post("/v1/keys", alpha.admin(), "null"), 422);
      expect(
          soft,
          post("/v1/events", alpha.write(), "{\"events\": [{}, null, 1, null]}"),
          422,
          "events[1]",
          "events[3]");
      var odd = post("/v1/events", alpha.write(), "{\"events\": [1, \"x\", [], {}, true]}");
      expect(soft, odd, 200);
      soft.assertThat(odd.json().path("rejected")).as(odd.body()).hasSize(5);
      expect(soft, put("/v1/contacts", alpha.write(), "application/json", "[1]"), 422);
      expect(
          soft,
          put("/v1/contacts", alpha.write(), "application/json", "{\"email\": {\"a\": 1}}"),
          422,
          "email");
      expect(
          soft,
          put("/v1/contacts", alpha.write(), "application/json", "{\"id\": \"../../etc\"}"),
          422,
          "id");
      expect(soft, post("/v1/keys", alpha.admin(), "{\"scope\": \"root\"}"), 422, "scope");
      expect(soft, post("/v1/keys", alpha.admin(), "{\"scope\": 1}"), 422, "scope");
      expect(soft, post("/v1/keys", alpha.admin(), "[]"), 422);
      expect(
          soft, put("/v1/models/m/draft", alpha.admin(), "application/json", "{\"id\": "), 400, "");
      expect(
          soft, put("/v1/models/m/draft", alpha.admin(), "application/yaml", "a: [1, 2"), 400, "");
      expect(
          soft,
          put("/v1/models/m/draft", alpha.admin(), "application/yaml", "- just\n- a list\n"),
          422);
      expect(
          soft,
          post("/v1/models/" + alpha.privateModel() + "/versions/x/publish", alpha.admin(), ""),
          400,
          "n");
      soft.assertAll();
      assertStillServing();
    }

    @Test
    void huge_numbers_are_422_with_their_paths() {
      var soft = new SoftAssertions();
      String digits = "9".repeat(500);
      for (String huge : List.of("1e999", "-1e400", digits, "-" + digits, digits + ".5")) {
        expect(
            soft,
            post(
                "/v1/events",
                alpha.write(),
                """
                {"type": "a.b", "occurredAt": "2026-01-01T00:00:00Z",
                 "contact": {"email": "huge@alpha.example"}, "properties": {"n": %s}}"""
                    .formatted(huge)),
            422,
            "properties.n");
        expect(
            soft,
            put(
                "/v1/contacts",
                alpha.write(),
                "application/json",
                """
                {"email": "huge@alpha.example", "attributes": {"n": %s}}"""
                    .formatted(huge)),
            422,
            "attributes.n");
        String model = Tenant.modelYaml("huge", "Huge").replace("points: 20", "points: " + huge);
        expect(
            soft,
            put("/v1/models/huge/draft", alpha.admin(), "application/yaml", model),
            422,
            "fit[0].points");
      }
      expect(
          soft,
          post(
              "/v1/events",
              alpha.write(),
              "{\"events\": [{\"type\": \"a.b\", \"occurredAt\": \"2026-01-01T00:00:00Z\","
                  + " \"contact\": {\"email\": \"h@alpha.example\"}, \"properties\": {\"n\": 1e999}}]}"),
          200);
      soft.assertAll();
      var lookUp = server.get("/v1/contacts?email=huge@alpha.example", alpha.read());
      assertThat(lookUp.json().get("items")).as("nothing half-written").isEmpty();
      assertThat(server.get("/v1/models/huge", alpha.read()).status()).isEqualTo(404);
      assertStillServing();
    }

    @Test
    void a_model_beyond_its_limits_is_422_with_every_path() {
      var soft = new SoftAssertions();
      String sample = Tenant.modelYaml("limits", "Limits");
      String unknown =
          sample
              .replace("name: Limits", "name: Limits\ncolour: blue")
              .replace("    points: 30\n", "    points: 30\n    bonus: 2\n");
      expect(
          soft,
          put("/v1/models/limits/draft", alpha.admin(), "application/yaml", unknown),
          422,
          "colour",
          "fit[1].bonus");

      var rules = new StringBuilder("id: limits\nname: Limits\nfit:\n");
      for (int i = 0; i < 501; i++) {
        rules.append("  - { id: rule-").append(i).append(", points: 1, when: { tag: t").append(i);
        rules.append(" } }\n");
      }
      rules.append("tiers:\n  - { id: cold, from: 0 }\n");
      expect(
          soft,
          put("/v1/models/limits/draft", alpha.admin(), "application/yaml", rules.toString()),
          422);

      String longRegex =
          sample.replace(
              "matches: \"(?i)\\\\b(vp|director|head|chief|owner|founder)\\\\b\"",
              "matches: \"" + "(a|b)".repeat(103) + "\"");
      assertThat(longRegex).isNotEqualTo(sample);
      expect(
          soft,
          put("/v1/models/limits/draft", alpha.admin(), "application/yaml", longRegex),
          422,
          "fit[0].when.matches");

      var laughs = new StringBuilder("id: limits\nname: &a lol\n");
      String previous = "a";
      for (char level = 'b'; level <= 'j'; level++) {
        laughs.append("x").append(level).append(": &").append(level).append(" [");
        laughs.append(String.join(", ", java.util.Collections.nCopies(10, "*" + previous)));
        laughs.append("]\n");
        previous = String.valueOf(level);
      }
      laughs.append("fit: *j\ntiers:\n  - { id: cold, from: 0 }\n");
      expect(
          soft,
          put("/v1/models/limits/draft", alpha.admin(), "application/yaml", laughs.toString()),
          400,
          422);
      String yamlBomb =
          "id: limits\nname: Limits\nfit: !!binary aGVsbG8=\ntiers:\n  - { id: cold, from: 0 }\n";
      expect(
          soft,
          put("/v1/models/limits/draft", alpha.admin(), "application/yaml", yamlBomb),
          400,
          422);
      soft.assertAll();
      assertThat(server.get("/v1/models/limits", alpha.read()).status()).isEqualTo(404);
      assertStillServing();
    }

    @Test
    void bad_query_parameters_are_400_naming_each() {
      var soft = new SoftAssertions();
      String contact = "/v1/contacts/" + alpha.contactIds().get(0);
      String model = "model=" + Tenant.SHARED_MODEL;
      expect(soft, get(contact + "/score?" + model + "&asOf=nope"), 400, "asOf");
      expect(soft, get(contact + "/score"), 400, "model");
      expect(soft, get(contact + "/timeline?" + model + "&step=-P1D"), 400, "step");
      expect(soft, get(contact + "/timeline?" + model + "&step=P0D"), 400, "step");
      expect(
          soft,
          get(contact + "/timeline?" + model + "&step=often&from=x&to=y"),
          400,
          "step",
          "from",
          "to");
      expect(soft, get("/v1/leaderboard?" + model + "&limit=0"), 400, "limit");
      expect(soft, get("/v1/leaderboard?" + model + "&limit=5000"), 400, "limit");
      expect(soft, get("/v1/leaderboard?" + model + "&limit=ten"), 400, "limit");
      expect(soft, get("/v1/leaderboard?" + model + "&limit=99999999999999999999"), 400, "limit");
      expect(soft, get("/v1/leaderboard?" + model + "&cursor=%25%00garbage"), 400, 422);
      expect(soft, get("/v1/leaderboard?" + model + "&cursor=bm90IGEgY3Vyc29y"), 400, 422);
      expect(soft, get("/v1/contacts"), 400, "email");
      expect(
          soft,
          post("/v1/models/" + Tenant.SHARED_MODEL + "/simulate?asOf=nope", alpha.admin(), ""),
          400,
          "asOf");
      soft.assertAll();
      assertStillServing();
    }

    @Test
    void bodies_beyond_the_limits_are_413() {
      var soft = new SoftAssertions();
      byte[] huge = new byte[6 * 1024 * 1024];
      java.util.Arrays.fill(huge, (byte) ' ');
      huge[0] = '[';
      huge[huge.length - 1] = ']';
      Answer declared =
          server.send(
              server
                  .request("/v1/events", alpha.write())
                  .expectContinue(true)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
      expect(soft, "6 MiB with Content-Length", declared, 413);

      Answer chunked =
          server.send(
              server
                  .request("/v1/events", alpha.write())
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(huge))));
      expect(soft, "6 MiB chunked", chunked, 413);

      var batch = new StringBuilder("{\"events\": [");
      for (int i = 0; i < 1001; i++) {
        batch.append(i == 0 ? "" : ",");
        batch
            .append(
                "{\"type\": \"a.b\", \"occurredAt\": \"2026-01-01T00:00:00Z\", \"contact\": {\"email\": \"b")
            .append(i)
            .append("@alpha.example\"}}");
      }
      batch.append("]}");
      expect(soft, post("/v1/events", alpha.write(), batch.toString()), 413);
      soft.assertAll();
      assertThat(
              server.get("/v1/contacts?email=b0@alpha.example", alpha.read()).json().get("items"))
          .as("nothing of the refused batch stored")
          .isEmpty();
      assertStillServing();
    }

    @Test
    void deep_nesting_huge_strings_invalid_utf8_and_empty_bodies_are_400() {
      var soft = new SoftAssertions();
      String deep = "[".repeat(10_000) + "]".repeat(10_000);
      expect(soft, post("/v1/events", alpha.write(), deep), 400, "");
      expect(soft, put("/v1/contacts", alpha.write(), "application/json", deep), 400, "");
      expect(soft, put("/v1/models/deep/draft", alpha.admin(), "application/json", deep), 400, "");
      String deepYaml = "a: ".repeat(1) + "[".repeat(10_000) + "]".repeat(10_000);
      expect(
          soft, put("/v1/models/deep/draft", alpha.admin(), "application/yaml", deepYaml), 400, "");
      String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
      expect(soft, post("/v1/events", alpha.write(), deepObject), 400, "");

      String longString = "x".repeat(2 * 1024 * 1024);
      expect(
          soft,
          post(
              "/v1/events",
              alpha.write(),
              """
              {"type": "a.b", "occurredAt": "2026-01-01T00:00:00Z",
               "contact": {"email": "long@alpha.example"}, "properties": {"p": "%s"}}"""
                  .formatted(longString)),
          400,
          "");
      expect(
          soft,
          put(
              "/v1/models/long/draft",
              alpha.admin(),
              "application/yaml",
              "id: long\nname: \"" + longString + "\"\n"),
          400,
          "");

      byte[] invalid =
          "{\"email\": \"\u00ff@alpha.example\"}".getBytes(StandardCharsets.ISO_8859_1);
      expect(
          soft,
          "invalid UTF-8 contact",
          raw("PUT", "/v1/contacts", alpha.write(), "application/json", invalid),
          400,
          "");
      expect(
          soft,
          "invalid UTF-8 event",
          raw("POST", "/v1/events", alpha.write(), "application/json", invalid),
          400,
          "");
      byte[] invalidYaml = "id: m\nname: \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
      expect(
          soft,
          "invalid UTF-8 model",
          raw("PUT", "/v1/models/m/draft", alpha.admin(), "application/yaml", invalidYaml),
          400,
          "");
      byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
      // Jackson decodes an overlong sequence leniently; the event is then invalid all the same
      expect(
          soft, raw("POST", "/v1/events", alpha.write(), "application/json", overlong), 400, 422);

      expect(soft, post("/v1/events", alpha.write(), ""), 400, "");
      expect(soft, put("/v1/contacts", alpha.write(), "application/json", ""), 400, "");
      expect(soft, put("/v1/models/m/draft", alpha.admin(), "application/yaml", ""), 400, "");
      expect(soft, put("/v1/models/m/draft", alpha.admin(), "application/yaml", "   \n"), 400, "");
      expect(soft, post("/v1/keys", alpha.admin(), ""), 400, "");
      expect(soft, post("/v1/events", alpha.write(), "   "), 400, "");
      soft.assertAll();
      assertStillServing();
    }

    // ---------------------------------------------------------------- slow uploads

    @Test
    void a_stalled_upload_is_cut_off_while_others_are_served() throws Exception {
      Duration idle = Duration.ofSeconds(1);
      try (var slow =
          TestServer.start(
              kind(),
              Clock.systemUTC(),
              config ->
                  config.withServer(
                      new LeadscoreConfig.Server(
                          config.server().host(),
                          config.server().port(),
                          config.server().maxThreads(),
                          config.server().maxConcurrentWrites(),
                          idle,
                          config.server().authFailureBudget())))) {
        String key = slow.key("slow-ws", Scope.ADMIN);
        var stalled = new ArrayList<Socket>();
        try {
          for (String path : List.of("/v1/events", "/v1/contacts", "/v1/models/m/draft")) {
            String method = path.equals("/v1/events") ? "POST" : "PUT";
            var socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", slow.node().port()), 5_000);
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(
                (method
                        + " "
                        + path
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                        + key
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                        + "{\"type\": ")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stalled.add(socket);
          }
          for (int i = 0; i < 5; i++) {
            assertThat(slow.get("/health", null).status()).isEqualTo(200);
            assertThat(slow.get("/v1/models", key).status()).isEqualTo(200);
          }
          for (Socket socket : stalled) {
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).as("what the server sent before closing").doesNotContain(" 500 ");
            if (!answer.isEmpty()) {
              assertThat(answer).startsWith("HTTP/1.1 4");
            }
          }
        } finally {
          for (Socket socket : stalled) {
            socket.close();
          }
        }
        assertThat(slow.get("/health", null).status()).isEqualTo(200);
        assertThat(slow.get("/v1/models", key).status()).isEqualTo(200);
      }
    }

    private static String readUntilClosed(InputStream in) throws Exception {
      var received = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError(
            "the server kept a stalled upload open; received: "
                + received.toString(StandardCharsets.UTF_8),
            e);
      } catch (java.net.SocketException reset) {
        // closed with a reset: closed all the same
      }
      return received.toString(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- key store

    @Test
    void the_database_holds_no_usable_secret_and_a_revoked_key_fails_at_once() throws SQLException {
      for (Scope scope : Scope.values()) {
        var created =
            server.post("/v1/keys", alpha.admin(), "{\"scope\": \"" + scope.wireName() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        issued.add(created.json().get("secret").asText());
        assertThat(server.get("/v1/keys", alpha.admin()).body())
            .as("listing never shows a secret")
            .doesNotContain(created.json().get("secret").asText().substring(21));
      }
      List<Map<String, Object>> keyRows =
          jdbi()
              .withHandle(handle -> handle.createQuery("SELECT * FROM api_keys").mapToMap().list());
      assertThat(keyRows.size()).isGreaterThanOrEqualTo(issued.size());
      assertThat(keyRows.getFirst().keySet())
          .containsExactlyInAnyOrder(
              "id", "workspace_id", "scope", "name", "secret_hash", "created_at", "revoked_at");

      var forbidden = new HashSet<String>();
      var forbiddenBytes = new ArrayList<byte[]>();
      for (String token : issued) {
        String secret = token.substring(21);
        byte[] raw = Base64.getUrlDecoder().decode(secret);
        forbiddenBytes.add(raw);
        forbiddenBytes.add(secret.getBytes(StandardCharsets.US_ASCII));
        for (String text : List.of(token, secret)) {
          byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
          forbidden.add(text);
          forbidden.add(HexFormat.of().formatHex(bytes));
          forbidden.add(Base64.getEncoder().encodeToString(bytes));
          forbidden.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        forbidden.add(HexFormat.of().formatHex(raw));
        forbidden.add(Base64.getEncoder().encodeToString(raw));
      }

      var soft = new SoftAssertions();
      Map<String, List<Map<String, Object>>> dump = dumpAllTables();
      assertThat(dump).containsKey("api_keys");
      for (var table : dump.entrySet()) {
        for (Map<String, Object> row : table.getValue()) {
          for (var cell : row.entrySet()) {
            String where = table.getKey() + "." + cell.getKey();
            for (String form : renderings(cell.getValue())) {
              String lower = form.toLowerCase(Locale.ROOT);
              for (String secret : forbidden) {
                soft.assertThat(lower.contains(secret.toLowerCase(Locale.ROOT)))
                    .as(where + " holds an issued secret (" + secret.substring(0, 12) + "...)")
                    .isFalse();
              }
            }
            if (cell.getValue() instanceof byte[] bytes) {
              for (byte[] secret : forbiddenBytes) {
                soft.assertThat(indexOf(bytes, secret))
                    .as(where + " holds a secret's bytes")
                    .isEqualTo(-1);
              }
            }
          }
        }
      }
      soft.assertAll();

      // revoked: refused on the very next request, on every keyed route
      var created = server.post("/v1/keys", alpha.admin(), "{\"scope\": \"admin\"}");
      String token = created.json().get("secret").asText();
      issued.add(token);
      assertThat(server.get("/v1/keys", token).status()).isEqualTo(200);
      assertThat(
              server
                  .delete("/v1/keys/" + created.json().get("key").get("id").asText(), alpha.admin())
                  .status())
          .isEqualTo(204);
      var later = new SoftAssertions();
      for (Route route : keyed(null)) {
        Answer answer = send(request(route, alpha), token);
        later.assertThat(answer.status()).as(route + ": " + answer.body()).isEqualTo(401);
      }
      later.assertAll();
      var revokedRow =
          jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("SELECT revoked_at FROM api_keys WHERE id = :id")
                          .bind("id", created.json().get("key").get("id").asText())
                          .mapToMap()
                          .one());
      assertThat(revokedRow.get("revoked_at")).isNotNull();
    }

    private org.jdbi.v3.core.Jdbi jdbi() {
      return server.node().get(Database.class).jdbi();
    }

    /** Every row of every table of the application's schema, as a database dump would hold. */
    private Map<String, List<Map<String, Object>>> dumpAllTables() throws SQLException {
      return jdbi()
          .withHandle(
              handle -> {
                var tables = new ArrayList<String>();
                DatabaseMetaData meta = handle.getConnection().getMetaData();
                try (ResultSet rs =
                    meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
                  while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && schema.equalsIgnoreCase("public")) {
                      tables.add(rs.getString("TABLE_NAME"));
                    }
                  }
                }
                var dump = new java.util.TreeMap<String, List<Map<String, Object>>>();
                for (String table : tables) {
                  dump.put(
                      table.toLowerCase(Locale.ROOT),
                      handle.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().list());
                }
                return dump;
              });
    }

    private static List<String> renderings(Object value) {
      if (value == null) {
        return List.of();
      }
      if (value instanceof byte[] bytes) {
        return List.of(
            new String(bytes, StandardCharsets.ISO_8859_1),
            new String(bytes, StandardCharsets.UTF_8),
            HexFormat.of().formatHex(bytes),
            Base64.getEncoder().encodeToString(bytes),
            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      }
      return List.of(String.valueOf(value));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
      outer:
      for (int i = 0; i + needle.length <= haystack.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    // ---------------------------------------------------------------- helpers

    /** The keyed routes needing exactly {@code scope} (any scope when null). */
    private List<Route> keyed(Scope scope) {
      return routes.stream()
          .filter(route -> route.scope() != null && (scope == null || route.scope() == scope))
          .toList();
    }

    private static Request request(Route route, Tenant target) {
      return RouteRequests.forRoute(route, target)
          .orElseThrow(
              () ->
                  new AssertionError(
                      "no request in RouteRequests for " + RouteRequests.key(route)));
    }

    private Answer send(Request request, String key) {
      return server.send(request.build(server, key));
    }

    private Answer get(String path) {
      return server.get(path, alpha.read());
    }

    private Answer post(String path, String key, String json) {
      return server.post(path, key, json);
    }

    private Answer put(String path, String key, String type, String body) {
      return server.put(path, key, type, body);
    }

    private Answer raw(String method, String path, String key, String type, byte[] body) {
      return server.send(
          server
              .request(path, key)
              .header("Content-Type", type)
              .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The answer is a problem of {@code status} listing errors at each of {@code paths}. */
    private static void expect(SoftAssertions soft, Answer answer, int status, String... paths) {
      expect(
          soft,
          answer.raw().request().method() + " " + answer.raw().request().uri().getPath(),
          answer,
          status,
          paths);
    }

    private static void expect(SoftAssertions soft, Answer answer, int status, int orStatus) {
      String what = answer.raw().request().method() + " " + answer.raw().request().uri().getPath();
      soft.assertThat(answer.status())
          .as(what + ": " + abbreviate(answer.body()))
          .isIn(status, orStatus);
      soft.assertThat(answer.contentType()).as(what + " content type").startsWith(PROBLEM_JSON);
    }

    private static void expect(
        SoftAssertions soft, String what, Answer answer, int status, String... paths) {
      String shown = what + ": " + abbreviate(answer.body());
      soft.assertThat(answer.status()).as(shown).isEqualTo(status);
      if (status == 200) {
        return;
      }
      soft.assertThat(answer.contentType()).as(what + " content type").startsWith(PROBLEM_JSON);
      if (!answer.contentType().startsWith(PROBLEM_JSON)) {
        return;
      }
      JsonNode body = answer.json();
      soft.assertThat(body.path("status").asInt()).as(shown).isEqualTo(status);
      soft.assertThat(body.path("type").asText()).as(shown).isNotBlank();
      soft.assertThat(body.path("title").asText()).as(shown).isNotBlank();
      soft.assertThat(body.has("errors")).as(shown + " has errors").isTrue();
      if (paths.length > 0) {
        Set<String> found = new HashSet<>();
        body.path("errors").forEach(error -> found.add(error.path("path").asText()));
        soft.assertThat(found).as(shown + " error paths").contains(paths);
        body.path("errors")
            .forEach(
                error -> soft.assertThat(error.path("message").asText()).as(shown).isNotBlank());
      }
    }

    private static List<String> contactIds(JsonNode page) {
      var ids = new ArrayList<String>();
      page.path("items").forEach(item -> ids.add(item.path("contactId").asText()));
      return ids;
    }

    private static String abbreviate(String body) {
      return body.length() > 600 ? body.substring(0, 600) + "..." : body;
    }

    /** None of {@code tenant}'s data in the answer, beyond what the request itself named. */
    private static void assertNoSecretsOf(
        SoftAssertions soft, Tenant tenant, Request request, Answer answer) {
      String sent = request.sent();
      List<String> leaked =
          tenant.secrets().stream()
              .filter(secret -> !sent.contains(secret))
              .filter(answer.body()::contains)
              .collect(Collectors.toList());
      soft.assertThat(leaked)
          .as(request + " leaks " + tenant.workspace() + "'s data: " + abbreviate(answer.body()))
          .isEmpty();
    }

    /** Bravo's data is all there and unchanged, whatever alpha and charlie sent. */
    private void assertBravoIntact() {
      for (int i = 0; i < bravo.contactIds().size(); i++) {
        var contact = server.get("/v1/contacts/" + bravo.contactIds().get(i), bravo.read());
        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(contact.json().get("email").asText()).isEqualTo(bravo.emails().get(i));
        assertThat(contact.json().get("attributes").get("title").asText()).isEqualTo("VP Sales");
      }
      var model = server.get("/v1/models/" + bravo.privateModel(), bravo.read());
      assertThat(model.status()).as(model.body()).isEqualTo(200);
      assertThat(model.json().get("liveVersion").asInt()).isEqualTo(1);
      assertThat(model.json().get("versions")).hasSize(1);
      assertThat(model.body())
          .contains(bravo.privateModelName())
          .doesNotContain("Somebody's draft");
      assertThat(server.get("/v1/models", bravo.spareKey()).status()).isEqualTo(200);
      var source = server.get("/v1/sources/" + bravo.sourceId(), bravo.admin());
      assertThat(source.status()).as(source.body()).isEqualTo(200);
      assertThat(source.body()).doesNotContain(bravo.vendorSecret());
      var webhook = server.get("/v1/webhooks/" + bravo.webhookId(), bravo.admin());
      assertThat(webhook.status()).as(webhook.body()).isEqualTo(200);
      var score =
          server.get(
              "/v1/contacts/" + bravo.contactIds().get(0) + "/score?model=" + Tenant.SHARED_MODEL,
              bravo.read());
      assertThat(score.status()).as(score.body()).isEqualTo(200);
    }

    /** After bad input: liveness and a normal request still answer. */
    private void assertStillServing() {
      assertThat(server.get("/health", null).status()).isEqualTo(200);
      var models = server.get("/v1/models", alpha.read());
      assertThat(models.status()).as(models.body()).isEqualTo(200);
      var score =
          server.get(
              "/v1/contacts/" + alpha.contactIds().get(0) + "/score?model=" + Tenant.SHARED_MODEL,
              alpha.read());
      assertThat(score.status()).as(score.body()).isEqualTo(200);
    }
  }
}
