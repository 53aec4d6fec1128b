package io.leadscore.application.port.out;

import java.util.Locale;

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

  /** The lower-case name used in the API and the CLI. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
