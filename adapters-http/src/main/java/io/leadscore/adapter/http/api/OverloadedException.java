package io.leadscore.adapter.http.api;

/**
 * More requests arrived than the server takes at once (http-api.md: "a burst beyond what the server
 * can absorb is answered with 429 or 503 and Retry-After"). {@code status} is 429 for the write
 * limit, 503 for the in-flight limit.
 */
public final class OverloadedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public OverloadedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
