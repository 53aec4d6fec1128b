package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.server.TestServer.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10, items 3 and 7, end to end on both databases: what passes validation is what both
 * databases store (a bad event is rejected by index, never a 500 for the batch), invisible
 * characters and path-like ids are refused, and a model's cost is bounded (docs/api.md, "Limits";
 * docs/model-language.md, "Limits").
 */
class InputLimitsIT {

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
    private String admin;
    private String write;
    private String read;

    abstract TestServer.Kind kind();

    @BeforeAll
    void start() {
      server = TestServer.start(kind());
      admin = server.key("limits-ws", Scope.ADMIN);
      write = server.key("limits-ws", Scope.WRITE);
      read = server.key("limits-ws", Scope.READ);
    }

    @AfterAll
    void stop() throws Exception {
      if (server != null) {
        server.close();
      }
    }

    private static String event(int i, String occurredAt, String properties) {
      return """
          {"eventKey":"lim-%d","type":"page.viewed","occurredAt":"%s",
           "contact":{"email":"batch%d@example.com"},"properties":%s}"""
          .formatted(i, occurredAt, i % 50, properties);
    }

    @Test
    void a_batch_with_a_year_10000_event_and_a_nul_property_stores_the_other_998() {
      var events = new ArrayList<String>();
      for (int i = 0; i < 1000; i++) {
        String occurredAt = i == 17 ? "+10000-01-01T00:00:00Z" : "2026-11-22T10:00:00Z";
        String properties =
            i == 500 ? "{\"utm\":{\"source\":\"a\\u0000b\"}}" : "{\"url\":\"/p/" + i + "\"}";
        events.add(event(i, occurredAt, properties));
      }
      String batch = "{\"events\":[" + String.join(",", events) + "]}";

      Answer answer = server.post("/v1/events", write, batch);

      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.json().get("accepted").asInt()).isEqualTo(998);
      JsonNode rejected = answer.json().get("rejected");
      assertThat(rejected).hasSize(2);
      assertThat(rejected.get(0).get("index").asInt()).isEqualTo(17);
      assertThat(rejected.get(0).at("/errors/0/path").asText()).isEqualTo("occurredAt");
      assertThat(rejected.get(1).get("index").asInt()).isEqualTo(500);
      assertThat(rejected.get(1).at("/errors/0/path").asText()).isEqualTo("properties.utm.source");
      // stored: the same batch again finds the 998 as duplicates
      Answer again = server.post("/v1/events", write, batch);
      assertThat(again.json().get("duplicates").asInt()).as(again.body()).isEqualTo(998);
    }

    @Test
    void year_zero_nul_and_unpaired_surrogates_in_any_stored_text_are_422_never_500() {
      List<String> bodies =
          List.of(
              event(9001, "0000-06-01T00:00:00Z", "{}"),
              event(9002, "2026-11-22T10:00:00Z", "{\"k\\u0000\":1}"),
              event(9003, "2026-11-22T10:00:00Z", "{\"k\":[\"\\ud800\"]}"),
              """
              {"type":"page.viewed","occurredAt":"2026-11-22T10:00:00Z",
               "contact":{"externalId":{"source":"crm","id":"4\\u00002"}}}""");
      for (String body : bodies) {
        Answer answer = server.post("/v1/events", write, body);
        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(422);
      }
      List<String> contacts =
          List.of(
              "{\"email\":\"nul@example.com\",\"tags\":[\"a\\u0000\"]}",
              "{\"email\":\"nul@example.com\",\"addTags\":[\"a\\u0000\"]}",
              "{\"email\":\"nul@example.com\",\"attributes\":{\"t\":\"\\udc00\"}}",
              "{\"externalId\":{\"source\":\"crm\",\"id\":\"x\\u0000\"}}",
              "{\"externalId\":{\"source\":\"crm\",\"id\":\"\\ud83d\"}}");
      for (String body : contacts) {
        Answer answer = server.put("/v1/contacts", write, "application/json", body);
        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(422);
      }
      Answer webhook =
          server.post(
              "/v1/webhooks",
              admin,
              "{\"url\":\"https://example.com/h\",\"types\":[\"score.tier_changed\"],"
                  + "\"description\":\"a\\u0000\"}");
      assertThat(webhook.status()).as(webhook.body()).isEqualTo(422);
    }

    @Test
    void an_email_with_a_zero_width_or_bidi_character_is_422() {
      for (String email :
          List.of("ada\\u200b@example.com", "ada@exa\\u202emple.com", "\\ufeffada@example.com")) {
        Answer answer =
            server.put("/v1/contacts", write, "application/json", "{\"email\":\"" + email + "\"}");
        assertThat(answer.status()).as(email + " -> " + answer.body()).isEqualTo(422);
        assertThat(answer.json().at("/errors/0/path").asText()).isEqualTo("email");
      }
    }

    @Test
    void path_like_contact_and_external_ids_are_422() {
      for (String body :
          List.of(
              "{\"id\":\"..\"}",
              "{\"id\":\".\"}",
              "{\"id\":\"a/b\"}",
              "{\"externalId\":{\"source\":\"crm\",\"id\":\"..\"}}",
              "{\"externalId\":{\"source\":\"crm\",\"id\":\"a/b\"}}")) {
        Answer answer = server.put("/v1/contacts", write, "application/json", body);
        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(422);
      }
    }

    @Test
    void a_model_with_too_many_topics_or_too_much_regex_is_422() {
      var topics = new StringBuilder();
      for (int i = 0; i < 20_000; i++) {
        topics.append(i == 0 ? "" : ",");
        topics
            .append("{\"id\":\"t")
            .append(i)
            .append("\",\"on\":\"page.viewed\",\"interestedAt\":1}");
      }
      Answer tooManyTopics =
          server.put(
              "/v1/models/wide/draft",
              admin,
              "application/json",
              "{\"id\":\"wide\",\"topics\":[" + topics + "]}");
      assertThat(tooManyTopics.status()).as(tooManyTopics.body()).isEqualTo(422);
      assertThat(tooManyTopics.body()).contains("too many topics (20000; at most 200)");

      var fit = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        fit.append(i == 0 ? "" : ",");
        fit.append("{\"id\":\"r")
            .append(i)
            .append(
                "\",\"points\":1,\"when\":{\"field\":\"bio\",\"matches\":\"([a-z]{999}){7}\"}}");
      }
      Answer tooMuchRegex =
          server.put(
              "/v1/models/regex/draft",
              admin,
              "application/json",
              "{\"id\":\"regex\",\"fit\":[" + fit + "]}");
      assertThat(tooMuchRegex.status()).as(tooMuchRegex.body()).isEqualTo(422);
      assertThat(tooMuchRegex.body()).contains("regular expressions too large");
    }

    @Test
    void a_regex_sees_the_first_10000_characters_of_a_200_kb_attribute() {
      String model =
          """
          {"id":"bio","fit":[{"id":"needle","points":10,"when":{"field":"bio","matches":"needle"}}]}""";
      Answer draft = server.put("/v1/models/bio/draft", admin, "application/json", model);
      assertThat(draft.status()).as(draft.body()).isEqualTo(200);
      Answer published = server.post("/v1/models/bio/publish", admin, "");
      assertThat(published.status()).as(published.body()).isEqualTo(202);

      String near = "needle" + "x".repeat(200_000);
      String far = "x".repeat(200_000) + "needle";
      String nearId = upsert("near@example.com", near);
      String farId = upsert("far@example.com", far);

      assertThat(fit(nearId)).isEqualTo(10);
      assertThat(fit(farId)).isZero();
    }

    private String upsert(String email, String bio) {
      Answer answer =
          server.put(
              "/v1/contacts",
              write,
              "application/json",
              "{\"email\":\"" + email + "\",\"attributes\":{\"bio\":\"" + bio + "\"}}");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return answer.json().get("id").asText();
    }

    private double fit(String contactId) {
      Answer score = server.get("/v1/contacts/" + contactId + "/score?model=bio", read);
      assertThat(score.status()).as(score.body()).isEqualTo(200);
      return score.json().get("fit").asDouble();
    }
  }
}
