package io.leadscore.application.port.in;

/**
 * An API key that is missing, malformed, unknown, wrong or revoked. The message never says which,
 * so a caller cannot probe for valid key ids.
 */
public final class UnauthenticatedException extends RuntimeException {
  public UnauthenticatedException() {
    super("missing or invalid API key");
  }
}
