package io.leadscore.adapter.http.auth;

/**
 * A client address used up its budget of failed authentications (429 with {@code Retry-After}): its
 * credential was not checked. See {@link FailedAuthentications}.
 */
public final class TooManyFailuresException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TooManyFailuresException(long retryAfterSeconds) {
    super("too many failed authentications from this address; retry after the given delay");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds before a credential from this address is checked again. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
