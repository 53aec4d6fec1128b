package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.server.TestServer.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Attacks on the HTTP edge (issue 10, items 5, 6, 9, 11 and 12) against the real server on the
 * embedded database and on PostgreSQL: slow uploads that would hold write slots, a timeline asked
 * for a million points, key guessing, HEAD without a key, parser internals in error texts, YAML
 * aliases, unbounded key names and NUL characters in parameters.
 */
class HostileEdgeIT {
  private static final String PROBLEM_JSON = "application/problem+json";

  @Nested
  class OnH2 extends Attacks {
    @Override
    TestServer.Kind kind() {
      return TestServer.Kind.H2;
    }
  }

  @Nested
  class OnPostgres extends Attacks {
    @Override
    TestServer.Kind kind() {
      return TestServer.Kind.POSTGRES;
    }
  }

  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  abstract static class Attacks {
    private TestServer server;
    private Tenant alpha;
    private Tenant bravo;

    abstract TestServer.Kind kind();

    @BeforeAll
    void start() {
      server = TestServer.start(kind(), Clock.systemUTC(), config -> idle(config, 20));
      alpha = Tenant.create(server, "alpha-ws", "Alpha");
      bravo = Tenant.create(server, "bravo-ws", "Bravo");
    }

    @AfterAll
    void stop() throws Exception {
      if (server != null) {
        server.close();
      }
    }

    // ---------------------------------------------------------------- item 5: write slots

    @Test
    void slow_hook_uploads_do_not_take_the_api_s_write_slots() throws Exception {
      var sockets = new ArrayList<Socket>();
      try {
        var anonymous = new ArrayList<Socket>();
        for (int i = 0; i < 16; i++) {
          String secret = i % 2 == 0 ? "?secret=wrong" : "";
          anonymous.add(slowUpload("/v1/hooks/" + bravo.sourceId() + secret, null));
        }
        sockets.addAll(anonymous);
        Await.until(
            "every unauthenticated slow hook upload to be refused before its body arrives",
            Duration.ofSeconds(15),
            () -> anonymous.stream().allMatch(Attacks::answered));
        for (Socket socket : anonymous) {
          assertThat(status(socket)).isEqualTo(401);
        }

        var authenticated = new ArrayList<Socket>();
        for (int i = 0; i < 16; i++) {
          authenticated.add(
              slowUpload("/v1/hooks/" + bravo.sourceId() + "?secret=" + bravo.hookSecret(), null));
        }
        sockets.addAll(authenticated);
        Await.until(
            "the hooks beyond the hook limit to be refused",
            Duration.ofSeconds(15),
            () -> authenticated.stream().filter(Attacks::answered).count() >= 8);
        assertThat(authenticated.stream().filter(Attacks::answered).map(Attacks::status))
            .containsOnly(429);

        assertWritesPass(alpha);
        assertWritesPass(bravo);
      } finally {
        closeAll(sockets);
      }
    }

    @Test
    void one_workspace_s_many_slow_writes_do_not_starve_another_workspace() throws Exception {
      var sockets = new ArrayList<Socket>();
      try {
        for (int i = 0; i < 16; i++) {
          sockets.add(slowUpload("/v1/events", alpha.write()));
        }
        Await.until(
            "alpha's writes beyond its share to be refused",
            Duration.ofSeconds(15),
            () -> sockets.stream().filter(Attacks::answered).count() >= 4);
        assertThat(sockets.stream().filter(Attacks::answered).map(Attacks::status))
            .containsOnly(429);
        assertWritesPass(bravo);
      } finally {
        closeAll(sockets);
      }
    }

    // ---------------------------------------------------------------- item 6: timeline

    @Test
    void a_timeline_with_a_tiny_step_or_extreme_instants_is_a_400_naming_the_parameter() {
      var soft = new SoftAssertions();
      String timeline =
          "/v1/contacts/" + alpha.contactIds().get(0) + "/timeline?model=" + Tenant.SHARED_MODEL;
      String score =
          "/v1/contacts/" + alpha.contactIds().get(0) + "/score?model=" + Tenant.SHARED_MODEL;
      expect(
          soft,
          get(timeline + "&from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:01Z&step=PT0.0001S"),
          400,
          "step");
      expect(
          soft,
          get(timeline + "&from=2026-01-01T00:00:00Z&to=2026-01-01T00:01:40Z&step=PT0.0001S"),
          400,
          "step");
      expect(
          soft,
          get(timeline + "&from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:01Z&step=PT0.002S"),
          200);
      for (String extreme :
          List.of(
              "0000-01-01T00:00:00Z",
              "-0001-06-01T00:00:00Z",
              "+10000-01-01T00:00:00Z",
              "+1000000000-12-31T23:59:59.999999999Z",
              "-1000000000-01-01T00:00:00Z")) {
        expect(soft, get(score + "&asOf=" + extreme), 400, "asOf");
        expect(soft, get(timeline + "&to=" + extreme), 400, "to");
        expect(soft, get(timeline + "&from=" + extreme + "&to=2026-01-01T00:00:00Z"), 400, "from");
      }
      expect(soft, get(timeline + "&to=0001-01-02T00:00:00Z"), 400, "from");
      expect(
          soft,
          get(timeline + "&from=9999-12-01T00:00:00Z&to=9999-12-31T23:59:59Z&step=P365D"),
          200);
      soft.assertAll();
    }

    // ---------------------------------------------------------------- item 9: key guessing

    @Test
    void repeated_bad_keys_from_one_address_get_429_while_a_valid_key_still_works()
        throws Exception {
      try (var guarded =
          TestServer.start(kind(), Clock.systemUTC(), config -> budget(config, 10))) {
        String known = guarded.key("guess-ws", Scope.READ);
        assertThat(guarded.get("/v1/models", known).status()).isEqualTo(200);
        String unused = guarded.key("guess-ws", Scope.READ);

        var statuses = new ArrayList<Integer>();
        Answer limited = null;
        for (int i = 0; i < 40; i++) {
          String guess = "lsk_aaaaaaaaaaaaaaaa_" + String.format("%043d", i);
          Answer answer = guarded.get("/v1/models", guess);
          statuses.add(answer.status());
          if (answer.status() == 429 && limited == null) {
            limited = answer;
          }
        }
        assertThat(statuses).as("answers to 40 guesses").contains(429);
        assertThat(statuses.subList(statuses.indexOf(429), statuses.size())).containsOnly(429);
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(limited.contentType()).startsWith(PROBLEM_JSON);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();

        assertThat(guarded.get("/v1/models", known).status())
            .as("a key that worked from this address keeps working")
            .isEqualTo(200);
        Answer fresh = guarded.get("/v1/models", unused);
        assertThat(fresh.status())
            .as("a key never seen from an address over its budget waits like a guess")
            .isEqualTo(429);
        assertThat(guarded.get("/v1/models", null).status())
            .as("no key at all is not a guess")
            .isEqualTo(401);
      }
    }

    // ---------------------------------------------------------------- item 12: HEAD

    @Test
    void head_is_routed_and_authenticated_like_get() {
      var soft = new SoftAssertions();
      soft.assertThat(head("/v1/models", null).status()).isEqualTo(401);
      soft.assertThat(head("/v1/contacts/" + alpha.contactIds().get(0), null).status())
          .isEqualTo(401);
      soft.assertThat(head("/v1/no/such/route", alpha.read()).status()).isEqualTo(404);
      soft.assertThat(head("/nothing-here", null).status()).isEqualTo(404);
      soft.assertThat(head("/v1/keys", alpha.read()).status()).isEqualTo(403);
      soft.assertThat(head("/health", null).status()).isEqualTo(200);
      Answer models = head("/v1/models", alpha.read());
      Answer asGet = server.get("/v1/models", alpha.read());
      soft.assertThat(models.status()).isEqualTo(200);
      soft.assertThat(models.body()).isEmpty();
      soft.assertThat(models.contentType()).isEqualTo(asGet.contentType());
      Answer contact = head("/v1/contacts/" + alpha.contactIds().get(0), alpha.read());
      soft.assertThat(contact.status()).isEqualTo(200);
      soft.assertThat(contact.body()).isEmpty();
      soft.assertThat(head("/v1/contacts/" + bravo.contactIds().get(0), alpha.read()).status())
          .isEqualTo(404);
      soft.assertAll();
    }

    @Test
    void a_method_override_header_is_refused_and_never_changes_the_method() {
      String contact = "/v1/contacts/" + alpha.contactIds().get(alpha.contactIds().size() - 1);
      Answer erase =
          server.send(
              server
                  .request(contact, alpha.admin())
                  .header("X-HTTP-Method-Override", "DELETE")
                  .GET());
      Answer publish =
          server.send(
              server
                  .request("/v1/models/" + alpha.privateModel() + "/publish", alpha.admin())
                  .header("x-http-method-override", "POST")
                  .method("HEAD", HttpRequest.BodyPublishers.noBody()));

      var soft = new SoftAssertions();
      soft.assertThat(erase.status()).isEqualTo(400);
      soft.assertThat(erase.body()).contains("X-HTTP-Method-Override");
      soft.assertThat(publish.status()).isEqualTo(400);
      soft.assertThat(server.get(contact, alpha.read()).status()).isEqualTo(200);
      soft.assertAll();
    }

    @Test
    void options_and_trace_are_a_405_problem_with_allow() {
      var soft = new SoftAssertions();
      for (String method : List.of("OPTIONS", "TRACE")) {
        Answer answer =
            server.send(
                server
                    .request("/v1/models", alpha.read())
                    .method(method, HttpRequest.BodyPublishers.noBody()));
        soft.assertThat(answer.status()).as(method).isEqualTo(405);
        soft.assertThat(answer.contentType()).as(method).startsWith("application/problem+json");
        soft.assertThat(answer.header("Allow")).as(method).contains("GET");
      }
      soft.assertAll();
    }

    // ---------------------------------------------------------------- item 11: error texts

    private static final Pattern INTERNALS =
        Pattern.compile(
            "JsonReadFeature|JsonParser|StreamReadConstraints|ALLOW_|Feature|java\\.|javax\\."
                + "|com\\.fasterxml|org\\.yaml|snakeyaml|jackson|Exception|\\tat |\\(byte\\[\\]\\)"
                + "|Source: |`",
            Pattern.CASE_INSENSITIVE);

    @Test
    void error_texts_name_no_parser_internals_and_say_where() {
      var soft = new SoftAssertions();
      List<String> json =
          List.of(
              "{'type': 'a'}",
              "{\"type\": NaN}",
              "{\"type\": Infinity}",
              "{\"type\": -Infinity}",
              "{\"type\": +1}",
              "{\"type\": 01}",
              "{\"type\": 1,}",
              "[1,]",
              "{/* comment */ \"type\": 1}",
              "// comment\n{}",
              "# comment\n{}",
              "{\"type\": \"a\tb\"}",
              "{type: 1}",
              "{\"type\": 1}}",
              "{\"type\" 1}",
              "\"\\x\"",
              "{\"type\": \"\\u12\"}",
              "{\"type\": tru}",
              "{\"type\": nul}",
              "[".repeat(300),
              "{\"n\": " + "1".repeat(1200) + "}",
              "{\"n\": 1." + "1".repeat(1200) + "}",
              "{\"type\": \"a\", \"type\": \"b\"}",
              "{\"type\": \"" + "x".repeat((1 << 20) + 1) + "\"}",
              "\u0000",
              "{\"a\": 1} {\"b\": 2}");
      for (String body : json) {
        scan(soft, body, server.post("/v1/events", alpha.write(), body));
        scan(soft, body, server.put("/v1/contacts", alpha.write(), "application/json", body));
        scan(soft, body, server.post("/v1/keys", alpha.admin(), body));
        scan(
            soft,
            body,
            server.put("/v1/models/broken/draft", alpha.admin(), "application/json", body));
      }
      scan(
          soft,
          "invalid UTF-8",
          server.send(
              server
                  .request("/v1/events", alpha.write())
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'}))));
      List<String> yaml =
          List.of(
              "a: [1, 2",
              "a: !!java.lang.Object {}",
              "a: !!binary aGVsbG8=",
              "a:\n\t- b",
              "a: 'unterminated",
              "a: \"\\q\"",
              "- a\nb: c",
              "a: b: c",
              "a: *undefined",
              "a: \u0001",
              "%YAML 9.9\n---\na: 1",
              "a: 1\n---\nb: 2",
              "{a: 1, a: 2}",
              "a: !!int nope",
              "a: !!float x",
              "a: !!timestamp nope",
              "? [a, b]\n: c",
              "a: &x 1\nb: *x",
              "a: 1\n  b: 2");
      for (String body : yaml) {
        scan(
            soft,
            body,
            server.put("/v1/models/broken/draft", alpha.admin(), "application/yaml", body));
      }
      soft.assertAll();
      assertThat(server.get("/v1/models/broken", alpha.read()).status()).isEqualTo(404);
    }

    @Test
    void yaml_aliases_and_anchors_are_refused_naming_the_line() {
      String model =
          Tenant.modelYaml("aliased", "Aliased")
              .replace("name: Aliased", "name: &n Aliased\nx-note: *n");
      assertThat(model).contains("*n");
      Answer answer =
          server.put("/v1/models/aliased/draft", alpha.admin(), "application/yaml", model);
      long aliasLine = model.substring(0, model.indexOf("*n")).lines().count();
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).contains("line " + aliasLine).containsIgnoringCase("alias");

      String inCondition =
          Tenant.modelYaml("aliased", "Aliased").replaceFirst("tag: (\\S+)", "tag: *t");
      Answer alias =
          server.put("/v1/models/aliased/draft", alpha.admin(), "application/yaml", inCondition);
      assertThat(alias.status()).as(alias.body()).isEqualTo(400);
      assertThat(alias.body()).containsIgnoringCase("alias");
      assertThat(server.get("/v1/models/aliased", alpha.read()).status()).isEqualTo(404);
    }

    @Test
    void a_document_with_thousands_of_problems_lists_the_first_hundred_and_counts_the_rest() {
      var unknown = new StringBuilder();
      for (int i = 0; i < 5_000; i++) {
        unknown.append("x-unknown-").append(i).append(": 1\n");
      }
      String model = Tenant.modelYaml("noisy", "Noisy") + unknown;
      Answer answer =
          server.put("/v1/models/noisy/draft", alpha.admin(), "application/yaml", model);
      assertThat(answer.status()).as(answer.body()).isEqualTo(422);
      var errors = answer.json().path("errors");
      assertThat(errors.size()).isEqualTo(101);
      assertThat(errors.get(0).path("path").asText()).startsWith("x-unknown-");
      assertThat(errors.get(100).path("path").asText()).isEmpty();
      assertThat(errors.get(100).path("message").asText())
          .isEqualTo("4900 more problem(s) not listed");
      assertThat(answer.json().path("detail").asText()).startsWith("5000 problem");
    }

    @Test
    void key_creation_refuses_unknown_fields_and_unbounded_names() {
      var soft = new SoftAssertions();
      expect(
          soft,
          server.post("/v1/keys", alpha.admin(), "{\"scope\": \"read\", \"colour\": \"blue\"}"),
          422,
          "colour");
      expect(
          soft,
          server.post(
              "/v1/keys",
              alpha.admin(),
              "{\"scope\": \"read\", \"name\": \"" + "n".repeat(10_000) + "\"}"),
          422,
          "name");
      expect(
          soft,
          server.post("/v1/keys", alpha.admin(), "{\"scope\": \"read\", \"name\": \"a\\u0007b\"}"),
          422,
          "name");
      expect(
          soft,
          server.post("/v1/keys", alpha.admin(), "{\"scope\": \"read\", \"name\": \"\"}"),
          422,
          "name");
      expect(
          soft,
          server.post(
              "/v1/keys",
              alpha.admin(),
              "{\"scope\": \"read\", \"name\": \"" + "n".repeat(100) + "\"}"),
          201);
      soft.assertAll();
      var listed = server.get("/v1/keys", alpha.admin());
      assertThat(listed.body()).doesNotContain("colour").doesNotContain("n".repeat(101));
    }

    @Test
    void nul_and_control_characters_in_path_and_query_parameters_are_400_naming_them() {
      var soft = new SoftAssertions();
      String contact = "/v1/contacts/" + alpha.contactIds().get(0);
      expect(soft, get("/v1/contacts?email=a%00b@alpha.example"), 400, "email");
      expect(soft, get("/v1/contacts?email=a%01b@alpha.example"), 400, "email");
      expect(soft, get("/v1/contacts/%00"), 400, "");
      expect(soft, get("/v1/contacts/a%00b/score?model=" + Tenant.SHARED_MODEL), 400, "");
      expect(soft, get(contact + "/score?model=b2b%00"), 400, "model");
      expect(
          soft, get("/v1/leaderboard?model=" + Tenant.SHARED_MODEL + "&tier=h%00t"), 400, "tier");
      expect(soft, get("/v1/models/m%00"), 400, "");
      expect(soft, get("/v1/models/m%01x"), 400, "id");
      expect(soft, get("/v1/contacts/a%1Fb"), 400, "id");
      expect(soft, server.delete("/v1/keys/%00", alpha.admin()), 400, "");
      expect(soft, get("/v1/contacts?email=a%7Fb@alpha.example"), 400, "email");
      soft.assertAll();
      assertWritesPass(alpha);
    }

    // ---------------------------------------------------------------- helpers

    private static LeadscoreConfig idle(LeadscoreConfig config, int seconds) {
      var s = config.server();
      return config.withServer(
          new LeadscoreConfig.Server(
              s.host(),
              s.port(),
              s.maxThreads(),
              s.maxConcurrentWrites(),
              Duration.ofSeconds(seconds),
              s.authFailureBudget()));
    }

    private static LeadscoreConfig budget(LeadscoreConfig config, int failures) {
      var s = config.server();
      return config.withServer(
          new LeadscoreConfig.Server(
              s.host(),
              s.port(),
              s.maxThreads(),
              s.maxConcurrentWrites(),
              s.idleTimeout(),
              failures));
    }

    /** A POST that sends its headers and one byte of a long body, then stalls. */
    private Socket slowUpload(String path, String key) throws IOException {
      URI base = URI.create(server.base());
      var socket = new Socket(base.getHost(), base.getPort());
      socket.setSoTimeout(20_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100000\r\n"
              + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
              + "\r\n{";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return socket;
    }

    private static boolean answered(Socket socket) {
      try {
        return socket.getInputStream().available() > 0;
      } catch (IOException e) {
        return true;
      }
    }

    private static int status(Socket socket) {
      try {
        InputStream in = socket.getInputStream();
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
          line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
      for (Socket socket : sockets) {
        socket.close();
      }
    }

    private void assertWritesPass(Tenant tenant) {
      Answer event =
          server.post(
              "/v1/events",
              tenant.write(),
              """
              {"type": "page.viewed", "occurredAt": "2026-01-01T00:00:00Z",
               "contact": {"email": "fair@%s.example"}}"""
                  .formatted(tenant.workspace()));
      assertThat(event.status())
          .as(tenant.workspace() + "'s event: " + event.body())
          .isEqualTo(200);
      Answer contact =
          server.put(
              "/v1/contacts",
              tenant.write(),
              "application/json",
              "{\"email\": \"fair@" + tenant.workspace() + ".example\"}");
      assertThat(contact.status())
          .as(tenant.workspace() + "'s contact: " + contact.body())
          .isEqualTo(200);
    }

    private Answer get(String path) {
      return server.get(path, alpha.admin());
    }

    private Answer head(String path, String key) {
      return server.send(
          server.request(path, key).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    private static void scan(SoftAssertions soft, String sent, Answer answer) {
      String what =
          answer.raw().request().method()
              + " "
              + answer.raw().request().uri().getPath()
              + " with "
              + (sent.length() > 60 ? sent.substring(0, 60) + "..." : sent);
      String body = answer.body().length() > 600 ? answer.body().substring(0, 600) : answer.body();
      soft.assertThat(answer.status()).as(what + ": " + body).isBetween(400, 499);
      soft.assertThat(INTERNALS.matcher(answer.body()).find())
          .as(what + " names parser internals: " + body)
          .isFalse();
      if (answer.status() == 400) {
        soft.assertThat(answer.body())
            .as(what + " says where")
            .containsPattern("line \\d+|\"path\"");
      }
    }

    private static void expect(SoftAssertions soft, Answer answer, int status, String... paths) {
      String what =
          answer.raw().request().method() + " " + answer.raw().request().uri().getRawPath();
      String body = answer.body().length() > 600 ? answer.body().substring(0, 600) : answer.body();
      soft.assertThat(answer.status()).as(what + ": " + body).isEqualTo(status);
      if (status >= 400 && answer.status() == status) {
        if (!answer.contentType().startsWith(PROBLEM_JSON)) {
          soft.fail(what + ": not a problem: " + answer.contentType() + " " + body);
          return;
        }
        soft.assertThat(answer.contentType()).as(what).startsWith(PROBLEM_JSON);
        var found = new ArrayList<String>();
        answer.json().path("errors").forEach(error -> found.add(error.path("path").asText()));
        soft.assertThat(found).as(what + " error paths: " + body).contains(paths);
      }
    }
  }
}
