package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.CreatedApiKey;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.out.ApiKey;
import io.leadscore.application.port.out.Scope;
import io.leadscore.domain.reading.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API keys of the caller's workspace: create (the secret shown once, in this answer only), list
 * (never a secret), revoke (refused at once after). Needs an admin key.
 */
final class KeyEndpoints {
  private static final Set<String> FIELDS = Set.of("scope", "name");

  private final ManageApiKeysUseCase keys;
  private final RequestBodies bodies;

  KeyEndpoints(ApiUseCases useCases, RequestBodies bodies) {
    this.keys = useCases.apiKeys();
    this.bodies = bodies;
  }

  void register(Routes routes) {
    routes.add(HandlerType.POST, "/v1/keys", Scope.ADMIN, this::create);
    routes.add(HandlerType.GET, "/v1/keys", Scope.ADMIN, this::list);
    routes.add(HandlerType.DELETE, "/v1/keys/{id}", Scope.ADMIN, this::revoke);
  }

  private void create(Context ctx, Caller caller) {
    if (!(bodies.json(ctx) instanceof Map<?, ?> body)) {
      throw InvalidInputException.at("", "must be an object with scope and name");
    }
    var problems = new ArrayList<Problem>();
    for (Object field : body.keySet()) {
      if (!FIELDS.contains(field)) {
        problems.add(new Problem(String.valueOf(field), "unknown field; known: scope, name"));
      }
    }
    Object name = body.get("name");
    if (name != null && !(name instanceof String text && !text.isBlank())) {
      problems.add(
          new Problem("name", "must be a non-blank string (leave it out for the default name)"));
    }
    if (!(body.get("scope") instanceof String wire && Scope.ofWireName(wire).isPresent())) {
      problems.add(new Problem("scope", "must be one of read, write, admin"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.size() + " problem(s) in the key", problems);
    }
    Scope scope = scope(body.get("scope"));
    CreatedApiKey created =
        keys.create(caller.workspace(), scope, name == null ? "" : (String) name);
    ctx.status(201);
    Json.respond(ctx, new CreatedKeyResponse(KeyResponse.from(created.key()), created.token()));
  }

  private void list(Context ctx, Caller caller) {
    Json.respond(
        ctx, Page.of(keys.list(caller.workspace()).stream().map(KeyResponse::from).toList()));
  }

  private void revoke(Context ctx, Caller caller) {
    keys.revoke(caller.workspace(), ctx.pathParam("id"));
    ctx.status(204);
  }

  private static Scope scope(Object value) {
    return (value instanceof String text ? Scope.ofWireName(text) : Optional.<Scope>empty())
        .orElseThrow(() -> InvalidInputException.at("scope", "must be one of read, write, admin"));
  }

  /** A key without its secret. */
  record KeyResponse(String id, String scope, String name, Instant createdAt, Instant revokedAt) {
    static KeyResponse from(ApiKey key) {
      return new KeyResponse(
          key.id(), key.scope().wireName(), key.name(), key.createdAt(), key.revokedAt());
    }
  }

  /** A new key and its secret, which is not shown again. */
  record CreatedKeyResponse(KeyResponse key, String secret) {}
}
