package io.leadscore.application.port.out;

/** An e-mail or external id that a save would give to a second contact of the workspace. */
public final class IdentityTakenException extends RuntimeException {
  public IdentityTakenException(String message) {
    super(message);
  }
}
