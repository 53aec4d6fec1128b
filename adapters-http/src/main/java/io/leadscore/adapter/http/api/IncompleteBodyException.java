package io.leadscore.adapter.http.api;

import java.io.IOException;

/**
 * The request body stopped arriving before its end: the client stalled past the idle timeout or
 * went away mid-upload (quality.md, request-limits). Answered 408; nothing was read, so nothing is
 * stored.
 */
public final class IncompleteBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IncompleteBodyException(IOException cause) {
    super("the request body did not arrive in full or in time", cause);
  }
}
