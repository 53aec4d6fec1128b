package io.leadscore.application.port.out;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do (http-api.md, "Auth"): {@code read} (GET), {@code write} (+ events,
 * contacts), {@code admin} (+ models, sources, webhooks, keys). Each scope includes the ones
 * before.
 */
public enum Scope {
  READ,
  WRITE,
  ADMIN;

  /** Whether a key with this scope may do what {@code needed} allows. */
  public boolean includes(Scope needed) {
    return compareTo(needed) >= 0;
  }

  /** The scope with this wire name, in any case; empty for another word. */
  public static Optional<Scope> ofWireName(String name) {
    for (Scope scope : values()) {
      if (scope.wireName().equalsIgnoreCase(name)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }

  /** The lower-case name used in the API and the CLI. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
