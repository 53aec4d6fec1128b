package io.leadscore.adapter.http.auth;

import io.leadscore.application.port.out.Scope;

/** A valid key whose scope does not include what the route needs (403). */
public final class InsufficientScopeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InsufficientScopeException(Scope held, Scope needed) {
    super(
        "this API key has scope " + held.wireName() + "; this request needs " + needed.wireName());
  }
}
