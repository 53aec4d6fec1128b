package io.leadscore.application.port.out.vendor;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor could not be reached or kept failing in a way that may pass: HTTP 429, 5xx, a timeout,
 * a refused connection, an open circuit breaker (style.md, "Validation and errors"). Retryable:
 * vendor modules retry it themselves (honouring {@link #retryAfter()}) and throw it out of a
 * connector only when giving up; the sync then fails and the next one resumes.
 */
public final class VendorUnavailableException extends RuntimeException {
  private final transient Duration retryAfter;

  public VendorUnavailableException(String message) {
    this(message, null, null);
  }

  /**
   * @param retryAfter how long the vendor asked to wait ({@code Retry-After}), or null
   * @param cause the underlying failure, or null
   */
  public VendorUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the vendor asked callers to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
