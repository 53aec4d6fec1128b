package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.server.TestServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole path as a user meets it, over real HTTP against the Guice-wired server, on the embedded
 * database and on PostgreSQL (issue 5, "Tests, as a user would meet it"): draft a model, publish
 * it, send events (duplicates, invalid items, unknown contacts), read exact scores at several
 * instants, publish a changed model and see every score re-computed, read the leaderboard in order
 * and page by page, erase a contact.
 */
class ApiEndToEndIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

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
    private String admin;
    private String writer;
    private String reader;

    Scenario(TestServer.Kind kind) {
      this.kind = kind;
    }

    @BeforeAll
    void start() {
      server = TestServer.start(kind);
      admin = server.key("acme", Scope.ADMIN);
      writer = server.key("acme", Scope.WRITE);
      reader = server.key("acme", Scope.READ);
    }

    @AfterAll
    void stop() throws Exception {
      server.close();
    }

    @Test
    void a_model_goes_from_draft_to_live_and_scores_follow_every_change() throws Exception {
      // a draft with problems is refused with every problem and its path
      Answer invalid =
          server.put(
              "/v1/models/web/draft",
              admin,
              "application/yaml",
              "id: web\nname: Web\nfit:\n  - id: x\n    points: ten\n    when: { tag: a }\n"
                  + "tiers:\n  - { id: cold, from: 0 }\n  - { id: hot, from: -5 }\n");
      assertThat(invalid.status()).isEqualTo(422);
      assertThat(invalid.contentType()).startsWith("application/problem+json");
      assertThat(paths(invalid)).contains("fit[0].points");
      assertThat(server.get("/v1/models/web", reader).status()).isEqualTo(404);

      // a valid draft is stored and answered parsed
      Answer draft =
          server.put("/v1/models/b2b-default/draft", admin, "application/yaml", sampleModel());
      assertThat(draft.status()).isEqualTo(200);
      assertThat(draft.json().at("/draft/document/fit/0/id").asText()).isEqualTo("decision-maker");
      assertThat(draft.json().get("liveVersion").asInt()).isZero();

      Answer published = server.post("/v1/models/b2b-default/publish", admin, "");
      assertThat(published.status()).isEqualTo(202);
      assertThat(published.json().get("version").asInt()).isEqualTo(1);
      awaitJob(published.json().at("/job/id").asText());

      // a contact, then events: valid, a duplicate, an invalid item, an unknown contact
      Answer contact =
          server.put(
              "/v1/contacts",
              writer,
              "application/json",
              """
              {"email": " Dana@Northwind.example ", "attributes": {"title": "VP of Engineering"},
               "tags": ["newsletter"]}
              """);
      assertThat(contact.status()).isEqualTo(200);
      String dana = contact.json().get("id").asText();
      assertThat(contact.json().get("email").asText()).isEqualTo("dana@northwind.example");

      String batch =
          """
          {"events": [
            {"eventKey": "form-1", "type": "form.submitted", "occurredAt": "2026-10-01T10:00:00Z",
             "contact": {"email": "dana@northwind.example"}, "properties": {"form": "consultation"}},
            {"eventKey": "click-1", "type": "email.clicked", "occurredAt": "2026-10-01T10:05:00Z",
             "contact": {"id": "%s"}, "properties": {"url": "https://ex.com/blog/ransomware"}},
            {"eventKey": "bad-1", "type": 42, "occurredAt": "not a time", "contact": {}},
            {"eventKey": "new-1", "type": "form.submitted", "occurredAt": "2026-10-02T09:00:00Z",
             "contact": {"email": "newcomer@fabrikam.example"}, "properties": {"form": "consultation"}}
          ]}
          """
              .formatted(dana);
      JsonNode first = server.post("/v1/events", writer, batch).json();
      assertThat(first.get("accepted").asInt()).isEqualTo(3);
      assertThat(first.get("duplicates").asInt()).isZero();
      assertThat(first.at("/rejected/0/index").asInt()).isEqualTo(2);
      assertThat(first.at("/rejected/0/errors").size()).isGreaterThanOrEqualTo(2);

      JsonNode again = server.post("/v1/events", writer, batch).json();
      assertThat(again.get("accepted").asInt()).isZero();
      assertThat(again.get("duplicates").asInt()).isEqualTo(3);

      // the unknown contact was created by its event
      JsonNode found = server.get("/v1/contacts?email=NEWCOMER@fabrikam.example", reader).json();
      assertThat(found.get("items")).hasSize(1);
      String newcomer = found.at("/items/0/id").asText();

      // exact scores at several instants: before the form, right after, a month after the click
      assertThat(score(dana, "2026-09-30T00:00:00Z").get("score").decimalValue())
          .isEqualByComparingTo("20"); // fit only: decision-maker
      JsonNode afterForm = score(dana, "2026-10-01T10:06:00Z");
      assertThat(afterForm.get("engagement").decimalValue()).isEqualByComparingTo("320");
      assertThat(afterForm.get("tier").asText()).isEqualTo("hot");
      assertThat(afterForm.get("version").asInt()).isEqualTo(1);
      assertThat(score(dana, "2026-10-31T10:05:00Z").get("engagement").decimalValue())
          .isEqualByComparingTo("315"); // the click halves in 30 days (halfLife P30D)

      // the leaderboard (materialised by the workers) ranks Dana above the newcomer
      // (refreshed shortly after each write: wait until both rows carry the events)
      JsonNode board =
          Await.value(
              "the leaderboard to show the events",
              PATIENCE,
              () -> server.get("/v1/leaderboard?model=b2b-default", reader).json(),
              rows ->
                  rows.get("items").size() == 2
                      && rows.at("/items/1/score").decimalValue().intValue() == 310);
      assertThat(board.at("/items/0/contactId").asText()).isEqualTo(dana);
      assertThat(board.at("/items/1/contactId").asText()).isEqualTo(newcomer);
      assertThat(board.at("/items/0/computedAt").asText()).isNotEmpty();

      // a changed model, published: every score is re-computed on the full history
      server.put(
          "/v1/models/b2b-default/draft",
          admin,
          "application/yaml",
          sampleModel().replace("points: 310", "points: 100"));
      // simulated on the whole history first: read-only, beside the live version
      JsonNode simulation = server.post("/v1/models/b2b-default/simulate", admin, "").json();
      assertThat(simulation.get("liveVersion").asInt()).isEqualTo(1);
      assertThat(simulation.get("contacts").asInt()).isEqualTo(2);
      JsonNode mover = simulation.at("/biggestMovers/0");
      assertThat(mover.at("/before/version").asInt()).isEqualTo(1);
      assertThat(mover.at("/after/version").isNull()).isTrue();
      assertThat(mover.get("change").decimalValue()).isEqualByComparingTo("-210");
      assertThat(server.get("/v1/models/b2b-default", reader).json().get("liveVersion").asInt())
          .isEqualTo(1);
      Answer second = server.post("/v1/models/b2b-default/publish", admin, "");
      assertThat(second.json().get("version").asInt()).isEqualTo(2);
      awaitJob(second.json().at("/job/id").asText());
      JsonNode rescored = server.get("/v1/leaderboard?model=b2b-default", reader).json();
      for (JsonNode row : rescored.get("items")) {
        assertThat(row.get("modelVersion").asInt()).isEqualTo(2);
        JsonNode exact = score(row.get("contactId").asText(), null);
        assertThat(row.get("score").decimalValue())
            .isEqualByComparingTo(exact.get("score").decimalValue());
      }
      assertThat(newcomerScore(rescored, newcomer)).isEqualByComparingTo("100");

      // roll back to version 1: scores follow again
      Answer rollback = server.post("/v1/models/b2b-default/versions/1/publish", admin, "");
      assertThat(rollback.status()).isEqualTo(202);
      awaitJob(rollback.json().at("/job/id").asText());
      JsonNode model = server.get("/v1/models/b2b-default", reader).json();
      assertThat(model.get("liveVersion").asInt()).isEqualTo(1);
      assertThat(model.get("versions")).hasSize(2);
      JsonNode rolledBack = server.get("/v1/leaderboard?model=b2b-default", reader).json();
      assertThat(newcomerScore(rolledBack, newcomer)).isEqualByComparingTo("310");

      // erase the newcomer: gone from contacts, scores and the leaderboard
      assertThat(server.delete("/v1/contacts/" + newcomer, writer).status()).isEqualTo(204);
      assertThat(server.get("/v1/contacts/" + newcomer, reader).status()).isEqualTo(404);
      assertThat(
              server.get("/v1/contacts/" + newcomer + "/score?model=b2b-default", reader).status())
          .isEqualTo(404);
      JsonNode afterErase = server.get("/v1/leaderboard?model=b2b-default", reader).json();
      assertThat(afterErase.get("items").findValuesAsText("contactId")).doesNotContain(newcomer);
    }

    @Test
    void the_leaderboard_pages_in_score_order_with_an_opaque_cursor() {
      String workspace = "pager-" + kind.name().toLowerCase();
      String key = server.key(workspace, Scope.ADMIN);
      server.put("/v1/models/b2b-default/draft", key, "application/yaml", sampleModel());
      awaitJob(
          server.post("/v1/models/b2b-default/publish", key, "").json().at("/job/id").asText(),
          key);
      var events = new ArrayList<String>();
      for (int i = 0; i < 25; i++) {
        for (int click = 0; click <= i % 6; click++) {
          events.add(
              """
              {"type": "email.clicked", "occurredAt": "2026-11-%02dT10:00:00Z",
               "contact": {"email": "p%d@x.example"}, "properties": {"url": "u%d"}}"""
                  .formatted(1 + click, i, click));
        }
      }
      assertThat(
              server
                  .post("/v1/events", key, "{\"events\": [" + String.join(",", events) + "]}")
                  .json()
                  .get("accepted")
                  .asInt())
          .isEqualTo(events.size());
      Await.until(
          "25 materialised scores",
          PATIENCE,
          () ->
              server
                      .get("/v1/leaderboard?model=b2b-default&limit=1000", key)
                      .json()
                      .get("items")
                      .size()
                  == 25);

      List<JsonNode> rows = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        JsonNode page =
            server
                .get(
                    "/v1/leaderboard?model=b2b-default&limit=7"
                        + (cursor == null ? "" : "&cursor=" + cursor),
                    key)
                .json();
        page.get("items").forEach(rows::add);
        cursor = page.get("next").isNull() ? null : page.get("next").asText();
        pages++;
      } while (cursor != null);
      assertThat(pages).isEqualTo(4);
      assertThat(rows).hasSize(25);
      assertThat(rows.stream().map(row -> row.get("contactId").asText()).distinct()).hasSize(25);
      for (int i = 1; i < rows.size(); i++) {
        assertThat(rows.get(i - 1).get("score").decimalValue())
            .isGreaterThanOrEqualTo(rows.get(i).get("score").decimalValue());
      }
      Answer badCursor = server.get("/v1/leaderboard?model=b2b-default&cursor=%25%25not-ours", key);
      assertThat(badCursor.status()).isBetween(400, 422);
    }

    private JsonNode score(String contact, String asOf) {
      Answer answer =
          server.get(
              "/v1/contacts/"
                  + contact
                  + "/score?model=b2b-default"
                  + (asOf == null ? "" : "&asOf=" + asOf),
              reader);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return answer.json();
    }

    private void awaitJob(String id) {
      awaitJob(id, reader);
    }

    private void awaitJob(String id, String key) {
      JsonNode job =
          Await.value(
              "job " + id + " to finish",
              PATIENCE,
              () -> {
                Answer answer = server.get("/v1/jobs/" + id, key);
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                return answer.json();
              },
              node -> !List.of("queued", "running").contains(node.get("state").asText()));
      assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
    }

    private static java.math.BigDecimal newcomerScore(JsonNode board, String newcomer) {
      for (JsonNode row : board.get("items")) {
        if (row.get("contactId").asText().equals(newcomer)) {
          return row.get("score").decimalValue();
        }
      }
      throw new AssertionError("not on the leaderboard: " + newcomer + " in " + board);
    }

    private static List<String> paths(Answer answer) {
      return answer.json().get("errors").findValuesAsText("path");
    }
  }

  static String sampleModel() throws RuntimeException {
    try {
      return Files.readString(
          Path.of(System.getProperty("leadscore.root", "..")).resolve("examples/b2b-default.yaml"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
