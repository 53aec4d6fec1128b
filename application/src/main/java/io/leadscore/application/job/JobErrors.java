package io.leadscore.application.job;

import io.leadscore.application.port.out.StorageUnavailableException;
import io.leadscore.application.port.out.vendor.VendorRejectedException;
import io.leadscore.application.port.out.vendor.VendorUnavailableException;

/**
 * The plain text a failed job records for its API clients ({@code GET /v1/jobs/{id}}). A failure's
 * own message may carry SQL, bound values (e-mails, ids) and class names from a driver or library,
 * none of which a client should see; so only the kind of failure is told, never its message.
 * Stateless and thread-safe.
 */
public final class JobErrors {
  private JobErrors() {}

  /** What a client is told about {@code failure}: no SQL, no values, no class names. */
  public static String plain(RuntimeException failure) {
    return switch (failure) {
      case StorageUnavailableException unavailable ->
          "the database was unavailable; run the job again later";
      case VendorUnavailableException unavailable -> "the vendor was unavailable";
      case VendorRejectedException rejected -> "the vendor rejected the request";
      default ->
          isDatabase(failure)
              ? "the database refused the write (internal error)"
              : "internal error";
    };
  }

  /** True when a SQL failure is anywhere in the chain (told apart by name: no JDBC here). */
  private static boolean isDatabase(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
      if (cause.getClass().getName().startsWith("java.sql.")) {
        return true;
      }
    }
    return false;
  }
}
