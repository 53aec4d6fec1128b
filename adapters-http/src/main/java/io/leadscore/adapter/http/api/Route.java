package io.leadscore.adapter.http.api;

import io.leadscore.application.port.out.Scope;
import java.util.Objects;

/**
 * One registered route: its method, its path template ({@code /v1/models/{id}/draft}) and the scope
 * a key needs, or null for a route without an API key (health, hooks authenticated otherwise).
 *
 * @param limited whether the route takes a write slot (429 beyond the node's limit or the caller's
 *     workspace's share); inbound hooks have their own limit instead
 */
public record Route(String method, String path, Scope scope, boolean limited) {
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }
}
