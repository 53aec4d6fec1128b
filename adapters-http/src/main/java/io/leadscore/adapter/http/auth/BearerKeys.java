package io.leadscore.adapter.http.auth;

import io.leadscore.application.port.in.AuthenticateUseCase;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.out.Scope;

/**
 * Bearer API keys (http-api.md, "Auth"): {@code Authorization: Bearer <key>} resolved to its
 * workspace and scope, then checked against what a route needs. No key or an unknown, malformed or
 * revoked key is 401; a key whose scope is too small is 403. Thread-safe.
 */
public final class BearerKeys {
  private static final String PREFIX = "bearer ";

  private final AuthenticateUseCase authenticate;

  public BearerKeys(AuthenticateUseCase authenticate) {
    this.authenticate = authenticate;
  }

  /**
   * The caller the header names, allowed to act at {@code needed}.
   *
   * @throws UnauthenticatedException without a valid key
   * @throws InsufficientScopeException when the key's scope does not include {@code needed}
   */
  public Caller authorize(String authorizationHeader, Scope needed) {
    if (authorizationHeader == null
        || authorizationHeader.length() <= PREFIX.length()
        || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new UnauthenticatedException();
    }
    Caller caller =
        authenticate.authenticate(authorizationHeader.substring(PREFIX.length()).strip());
    if (!caller.scope().includes(needed)) {
      throw new InsufficientScopeException(caller.scope(), needed);
    }
    return caller;
  }
}
