package io.leadscore.application.port.in;

/**
 * An API key (or another credential, such as a hook secret) that is missing, malformed, unknown,
 * wrong or revoked. The message never says which, so a caller cannot probe for valid key ids.
 */
public final class UnauthenticatedException extends RuntimeException {
  public UnauthenticatedException() {
    super("missing or invalid API key");
  }

  /** For another credential than an API key ({@code missing or invalid hook secret}). */
  public UnauthenticatedException(String message) {
    super(message);
  }
}
