package io.leadscore.application.port.out.vendor;

/**
 * The vendor refused the request or its answer made no sense, and retrying will not change that:
 * bad credentials (401, 403), another 4xx, a malformed or truncated body, a webhook delivery that
 * cannot be read (style.md, "Validation and errors"). Not retryable: the sync fails with this
 * message, and an inbound webhook is answered 400.
 */
public final class VendorRejectedException extends RuntimeException {
  public VendorRejectedException(String message) {
    super(message);
  }

  public VendorRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
