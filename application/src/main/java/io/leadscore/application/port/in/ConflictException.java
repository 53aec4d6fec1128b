package io.leadscore.application.port.in;

/**
 * A request that cannot apply to the current state (publishing a model with no draft, an e-mail
 * that belongs to another contact). Nothing was written.
 */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
