package io.leadscore.application.port.in;

/** Input over a size limit (a batch of more than 1000 events); nothing was written. */
public final class TooLargeException extends RuntimeException {
  public TooLargeException(String message) {
    super(message);
  }
}
