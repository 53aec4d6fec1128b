package io.leadscore.adapter.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadscore.adapter.http.json.LeadScoreJson;
import io.leadscore.application.port.in.AuthenticateUseCase;
import io.leadscore.application.port.in.ConfigureSourceUseCase;
import io.leadscore.application.port.in.Distribution;
import io.leadscore.application.port.in.EraseContactUseCase;
import io.leadscore.application.port.in.FindContactUseCase;
import io.leadscore.application.port.in.GetJobUseCase;
import io.leadscore.application.port.in.GetModelUseCase;
import io.leadscore.application.port.in.IngestEventsUseCase;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.in.ManageWebhooksUseCase;
import io.leadscore.application.port.in.PublishModelUseCase;
import io.leadscore.application.port.in.ReadLeaderboardUseCase;
import io.leadscore.application.port.in.ReceiveVendorHookUseCase;
import io.leadscore.application.port.in.SaveModelDraftUseCase;
import io.leadscore.application.port.in.ScoreContactUseCase;
import io.leadscore.application.port.in.ScoreDistributionUseCase;
import io.leadscore.application.port.in.ScoreTimelineUseCase;
import io.leadscore.application.port.in.SimulateModelUseCase;
import io.leadscore.application.port.in.Simulation;
import io.leadscore.application.port.in.SourceView;
import io.leadscore.application.port.in.SyncSourceUseCase;
import io.leadscore.application.port.in.UpsertContactUseCase;
import io.leadscore.application.port.in.VendorHookResult;
import io.leadscore.application.port.in.Webhook;
import io.leadscore.application.port.out.ExternalId;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at {@code /openapi.json} against the server that serves it: every
 * route the server registers (through {@link Routes} and in Javalin itself) is documented with its
 * method and path template, nothing else is, security matches each route's scope, every {@code
 * $ref} resolves, and each response schema has exactly the fields its record writes. No I/O beyond
 * the class path: the server is built on mocked use cases and never started.
 */
class OpenApiDocumentTest {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");

  private static JsonNode document;
  private static ApiServer server;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        OpenApiDocumentTest.class.getResourceAsStream(OperationsEndpoints.OPENAPI_RESOURCE)) {
      assertThat(in).as(OperationsEndpoints.OPENAPI_RESOURCE).isNotNull();
      document = new ObjectMapper().readTree(in);
    }
    server =
        new ApiServer(
            new ApiUseCases(
                mock(AuthenticateUseCase.class),
                mock(ManageApiKeysUseCase.class),
                mock(SaveModelDraftUseCase.class),
                mock(GetModelUseCase.class),
                mock(SimulateModelUseCase.class),
                mock(PublishModelUseCase.class),
                mock(UpsertContactUseCase.class),
                mock(FindContactUseCase.class),
                mock(EraseContactUseCase.class),
                mock(IngestEventsUseCase.class),
                mock(ScoreContactUseCase.class),
                mock(ScoreTimelineUseCase.class),
                mock(ReadLeaderboardUseCase.class),
                mock(ScoreDistributionUseCase.class),
                mock(GetJobUseCase.class),
                mock(ConfigureSourceUseCase.class),
                mock(SyncSourceUseCase.class),
                mock(ReceiveVendorHookUseCase.class),
                mock(ManageWebhooksUseCase.class)),
            ApiSettings.defaults(),
            List::of,
            new ApiMetrics(),
            Clock.systemUTC());
  }

  @Test
  void the_document_is_json_declaring_openapi_3_1() {
    assertThat(document.isObject()).isTrue();
    assertThat(document.path("openapi").asText()).matches("3\\.1\\.\\d+");
    assertThat(document.path("info").path("title").asText()).isNotBlank();
    assertThat(document.path("info").path("version").asText()).isNotBlank();
    assertThat(document.path("paths").size()).isPositive();
  }

  @Test
  void every_route_the_server_registers_is_documented_with_its_method_and_path() {
    assertThat(server.routes()).isNotEmpty();
    for (Route route : server.routes()) {
      assertThat(operation(route.method(), route.path()))
          .as("%s %s in openapi.json", route.method(), route.path())
          .isNotNull();
    }
  }

  @Test
  void every_handler_javalin_registered_is_documented() {
    assertThat(server.javalinRoutes()).isNotEmpty();
    for (String entry : server.javalinRoutes()) {
      String[] methodAndPath = entry.split(" ", 2);
      assertThat(operation(methodAndPath[0], methodAndPath[1]))
          .as("%s in openapi.json", entry)
          .isNotNull();
    }
  }

  @Test
  void the_document_has_no_operation_the_server_does_not_register() {
    Set<String> registered = new HashSet<>();
    server.routes().forEach(route -> registered.add(route.method() + " " + route.path()));
    registered.addAll(server.javalinRoutes());
    Set<String> documented = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        entry -> {
                          if (METHODS.contains(entry.getKey())) {
                            documented.add(
                                entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    assertThat(registered).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  void every_route_with_a_scope_requires_the_bearer_key_and_names_its_scope() {
    for (Route route : server.routes()) {
      JsonNode operation = operation(route.method(), route.path());
      String name = route.method() + " " + route.path();
      if (route.scope() == null) {
        assertThat(operation.path("security").isArray()).as(name).isTrue();
        assertThat(operation.path("security").size()).as(name + ": security []").isZero();
        assertThat(operation.has("x-scope")).as(name + ": no x-scope").isFalse();
      } else {
        String scope = route.scope().wireName();
        assertThat(operation.path("x-scope").asText()).as(name).isEqualTo(scope);
        assertThat(operation.path("security").size()).as(name).isEqualTo(1);
        assertThat(operation.path("security").get(0).has("apiKey")).as(name).isTrue();
        assertThat(operation.path("description").asText())
            .as(name)
            .startsWith("Scope: `" + scope + "`.");
        assertThat(operation.path("responses").has("401")).as(name + ": 401").isTrue();
        assertThat(operation.path("responses").has("403")).as(name + ": 403").isTrue();
      }
      // 429: the write limit, the hook limit, or a client address over its failure budget
      boolean authenticates = route.scope() != null || route.path().startsWith("/v1/hooks/");
      assertThat(operation.path("responses").has("429"))
          .as(name + ": 429 documented exactly when the route is limited or authenticates")
          .isEqualTo(route.limited() || authenticates);
      assertThat(operation.path("responses").has("503")).as(name + ": 503").isTrue();
    }
    assertThat(document.at("/components/securitySchemes/apiKey/scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void every_path_parameter_is_declared_and_every_operation_id_is_unique() {
    Set<String> ids = new HashSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path -> {
              Set<String> inTemplate = new TreeSet<>();
              Matcher matcher = TEMPLATE_PARAMETER.matcher(path.getKey());
              while (matcher.find()) {
                inTemplate.add(matcher.group(1));
              }
              path.getValue()
                  .properties()
                  .forEach(
                      entry -> {
                        String name = entry.getKey() + " " + path.getKey();
                        Set<String> declared = new TreeSet<>();
                        for (JsonNode parameter : entry.getValue().path("parameters")) {
                          JsonNode resolved = resolve(parameter);
                          if ("path".equals(resolved.path("in").asText())) {
                            declared.add(resolved.path("name").asText());
                            assertThat(resolved.path("required").asBoolean()).as(name).isTrue();
                          }
                        }
                        assertThat(declared).as(name).isEqualTo(inTemplate);
                        String id = entry.getValue().path("operationId").asText();
                        assertThat(id).as(name).isNotBlank();
                        assertThat(ids.add(id)).as("operationId %s is unique", id).isTrue();
                      });
            });
  }

  @Test
  void every_ref_resolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).as("a local reference").startsWith("#/");
      assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    }
  }

  @Test
  void outbound_webhooks_document_both_notification_types_with_the_signature_header() {
    for (String type : List.of("score.tier_changed", "topic.interested")) {
      JsonNode post = document.path("webhooks").path(type).path("post");
      assertThat(post.isObject()).as(type).isTrue();
      assertThat(post.path("parameters").findValuesAsText("name")).contains("Leadscore-Signature");
      JsonNode schema =
          resolve(post.at("/requestBody/content/application~1json/schema"))
              .path("properties")
              .path("type");
      assertThat(schema.path("const").asText()).isEqualTo(type);
    }
  }

  /**
   * Each response schema lists exactly the fields its record writes, all required (the API writes
   * nulls rather than leaving a field out).
   */
  @Test
  void each_response_schema_has_exactly_the_fields_of_its_record() {
    Map<String, Class<? extends Record>> records = new LinkedHashMap<>();
    records.put("Problem", ProblemResponse.class);
    records.put("ProblemError", ProblemResponse.Error.class);
    records.put("Page", Page.class);
    records.put("LeadScore", LeadScoreJson.class);
    records.put("TopicScore", LeadScoreJson.TopicJson.class);
    records.put("Contribution", LeadScoreJson.ContributionJson.class);
    records.put("TimelinePoint", ScoreEndpoints.TimelinePointResponse.class);
    records.put("LeaderboardRow", ScoreEndpoints.LeaderboardRow.class);
    records.put("Simulation", ModelEndpoints.SimulationResponse.class);
    records.put("SimulationMover", ModelEndpoints.SimulationResponse.Mover.class);
    records.put("TierCount", Simulation.TierCount.class);
    records.put("TierMove", Simulation.TierMove.class);
    records.put("Distribution", Distribution.class);
    records.put("GradeCount", Distribution.GradeCount.class);
    records.put("HistogramBucket", Distribution.Bucket.class);
    records.put("ExternalId", ExternalId.class);
    records.put("Contact", ContactResponse.class);
    records.put("IngestResult", IngestResult.class);
    records.put("RejectedEvent", IngestResult.RejectedEvent.class);
    records.put("Model", ModelResponse.class);
    records.put("ModelDraft", ModelResponse.Draft.class);
    records.put("ModelVersion", ModelResponse.Version.class);
    records.put("Job", JobResponse.class);
    records.put("JobProgress", JobResponse.Progress.class);
    records.put("Publication", ModelEndpoints.PublicationResponse.class);
    records.put("ApiKey", KeyEndpoints.KeyResponse.class);
    records.put("CreatedApiKey", KeyEndpoints.CreatedKeyResponse.class);
    records.put("Source", SourceView.class);
    records.put("CreatedSource", SourceEndpoints.CreatedSourceResponse.class);
    records.put("HookResult", VendorHookResult.Stored.class);
    records.put("Webhook", Webhook.class);
    records.put("CreatedWebhook", WebhookEndpoints.CreatedWebhookResponse.class);
    records.put("WebhookDelivery", WebhookEndpoints.DeliveryResponse.class);
    records.put("Readiness", OperationsEndpoints.ReadinessResponse.class);
    records.forEach(
        (name, type) -> {
          JsonNode schema = document.path("components").path("schemas").path(name);
          assertThat(schema.isObject()).as("components.schemas.%s", name).isTrue();
          List<String> fields =
              Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
          assertThat(fieldNames(schema.path("properties")))
              .as("properties of %s (%s)", name, type.getName())
              .containsExactlyInAnyOrderElementsOf(fields);
          List<String> required = new ArrayList<>();
          schema.path("required").forEach(field -> required.add(field.asText()));
          assertThat(required)
              .as("required of %s", name)
              .containsExactlyInAnyOrderElementsOf(fields);
        });
  }

  /** The operation documented for {@code method} on {@code path}, or null. */
  private static JsonNode operation(String method, String path) {
    JsonNode operation = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    return operation.isObject() ? operation : null;
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      current = document.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isTextual()) {
                  refs.add(entry.getValue().asText());
                } else {
                  collectRefs(entry.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
