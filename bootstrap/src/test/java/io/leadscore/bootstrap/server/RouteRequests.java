package io.leadscore.bootstrap.server;

import io.leadscore.adapter.http.api.Route;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One well-formed request for every route of the API, aimed at a tenant's real ids, so that the
 * security tests can walk {@code ApiServer.routes()} and send each route something it would accept
 * with the right key. A route without a template here fails those tests: adding a route means
 * adding its request here.
 */
final class RouteRequests {
  private RouteRequests() {}

  /**
   * A request: method, path with query, and a body (null for none) of a content type.
   *
   * @param createsData whether the route stores what the body names, under ids the caller chose
   *     (model drafts, contacts, events, keys): aimed at another workspace's ids it is an upsert in
   *     the caller's own workspace, not a read of the other one
   */
  record Request(String method, String path, String contentType, String body, boolean createsData) {
    static Request get(String path) {
      return new Request("GET", path, null, null, false);
    }

    static Request delete(String path) {
      return new Request("DELETE", path, null, null, false);
    }

    static Request post(String path, String json) {
      return new Request("POST", path, "application/json", json, false);
    }

    Request creating() {
      return new Request(method, path, contentType, body, true);
    }

    /** The request with {@code key} as its bearer token (none when null). */
    HttpRequest.Builder build(TestServer server, String key) {
      var builder = server.request(path, key);
      var publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body);
      if (contentType != null) {
        builder.header("Content-Type", contentType);
      }
      return builder.method(method, publisher);
    }

    /** The path and body, where an answer may legitimately echo what was sent. */
    String sent() {
      return path + " " + (body == null ? "" : body);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final Map<String, Function<Tenant, Request>> TEMPLATES =
      Map.ofEntries(
          Map.entry("GET /health", t -> Request.get("/health")),
          Map.entry("GET /ready", t -> Request.get("/ready")),
          Map.entry("GET /metrics", t -> Request.get("/metrics")),
          Map.entry("GET /openapi.json", t -> Request.get("/openapi.json")),
          Map.entry(
              "PUT /v1/models/{id}/draft",
              t ->
                  new Request(
                          "PUT",
                          "/v1/models/" + t.privateModel() + "/draft",
                          "application/yaml",
                          Tenant.modelYaml(t.privateModel(), "Somebody's draft"),
                          false)
                      .creating()),
          Map.entry("GET /v1/models", t -> Request.get("/v1/models")),
          Map.entry("GET /v1/models/{id}", t -> Request.get("/v1/models/" + t.privateModel())),
          Map.entry(
              "POST /v1/models/{id}/simulate",
              t -> Request.post("/v1/models/" + t.privateModel() + "/simulate", "")),
          Map.entry(
              "POST /v1/models/{id}/publish",
              t -> Request.post("/v1/models/" + t.privateModel() + "/publish", "")),
          Map.entry(
              "POST /v1/models/{id}/versions/{n}/publish",
              t -> Request.post("/v1/models/" + t.privateModel() + "/versions/1/publish", "")),
          Map.entry(
              "GET /v1/models/{id}/distribution",
              t -> Request.get("/v1/models/" + t.privateModel() + "/distribution")),
          Map.entry(
              "PUT /v1/contacts",
              t ->
                  new Request(
                      "PUT",
                      "/v1/contacts",
                      "application/json",
                      """
                      {"id": "%s", "attributes": {"title": "Intern"}}"""
                          .formatted(t.contactIds().get(0)),
                      true)),
          Map.entry(
              "GET /v1/contacts", t -> Request.get("/v1/contacts?email=" + t.emails().get(0))),
          Map.entry(
              "GET /v1/contacts/{id}", t -> Request.get("/v1/contacts/" + t.contactIds().get(0))),
          Map.entry(
              "DELETE /v1/contacts/{id}",
              t -> Request.delete("/v1/contacts/" + t.contactIds().get(1))),
          Map.entry(
              "POST /v1/events",
              t ->
                  Request.post(
                          "/v1/events",
                          """
                          {"type": "email.unsubscribed", "occurredAt": "%s",
                           "contact": {"id": "%s"}}"""
                              .formatted(Instant.now(), t.contactIds().get(0)))
                      .creating()),
          Map.entry(
              "GET /v1/contacts/{id}/score",
              t ->
                  Request.get(
                      "/v1/contacts/"
                          + t.contactIds().get(0)
                          + "/score?model="
                          + t.privateModel())),
          Map.entry(
              "GET /v1/contacts/{id}/timeline",
              t ->
                  Request.get(
                      "/v1/contacts/"
                          + t.contactIds().get(0)
                          + "/timeline?model="
                          + t.privateModel())),
          Map.entry(
              "GET /v1/leaderboard", t -> Request.get("/v1/leaderboard?model=" + t.privateModel())),
          Map.entry("GET /v1/jobs/{id}", t -> Request.get("/v1/jobs/" + t.jobId())),
          Map.entry(
              "POST /v1/keys", t -> Request.post("/v1/keys", "{\"scope\": \"read\"}").creating()),
          Map.entry("GET /v1/keys", t -> Request.get("/v1/keys")),
          Map.entry("DELETE /v1/keys/{id}", t -> Request.delete("/v1/keys/" + t.spareKeyId())),
          Map.entry(
              "POST /v1/sources",
              t ->
                  Request.post(
                          "/v1/sources",
                          "{\"kind\": \"fake\", \"name\": \"Another\", \"settings\": {}}")
                      .creating()),
          Map.entry("GET /v1/sources", t -> Request.get("/v1/sources")),
          Map.entry("GET /v1/sources/{id}", t -> Request.get("/v1/sources/" + t.sourceId())),
          Map.entry(
              "POST /v1/sources/{id}/sync",
              t -> Request.post("/v1/sources/" + t.sourceId() + "/sync", "")),
          // inbound hooks authenticate by the source's secret, not an API key: sent without it
          Map.entry(
              "POST /v1/hooks/{sourceId}",
              t ->
                  new Request(
                      "POST",
                      "/v1/hooks/" + t.sourceId(),
                      "application/x-www-form-urlencoded",
                      "type=email.opened&email=x%40y.example",
                      false)),
          Map.entry("GET /v1/hooks/{sourceId}", t -> Request.get("/v1/hooks/" + t.sourceId())),
          Map.entry(
              "POST /v1/webhooks",
              t ->
                  Request.post(
                          "/v1/webhooks",
                          "{\"url\": \"http://127.0.0.1:9/x\", \"types\": [\"topic.interested\"]}")
                      .creating()),
          Map.entry("GET /v1/webhooks", t -> Request.get("/v1/webhooks")),
          Map.entry("GET /v1/webhooks/{id}", t -> Request.get("/v1/webhooks/" + t.webhookId())),
          Map.entry(
              "DELETE /v1/webhooks/{id}", t -> Request.delete("/v1/webhooks/" + t.webhookId())),
          Map.entry(
              "GET /v1/webhooks/{id}/deliveries",
              t -> Request.get("/v1/webhooks/" + t.webhookId() + "/deliveries")));

  /** The request for {@code route} aimed at {@code target}'s ids, if the table has one. */
  static Optional<Request> forRoute(Route route, Tenant target) {
    return Optional.ofNullable(TEMPLATES.get(key(route))).map(template -> template.apply(target));
  }

  static String key(Route route) {
    return route.method() + " " + route.path();
  }
}
