package io.leadscore.application.port.in;

import io.leadscore.application.port.out.ApiKey;

/**
 * A new API key and its secret token: the token exists only here, once; only its hash is stored.
 */
public record CreatedApiKey(ApiKey key, String token) {
  @Override
  public String toString() {
    return "CreatedApiKey[key=" + key.id() + ", token=(hidden)]";
  }
}
