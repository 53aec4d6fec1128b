package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.StorageUnavailableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that is unreachable or not answering from a statement that failed on its own
 * merits, and turns the first kind into {@link StorageUnavailableException} (http-api.md, "When
 * something is down": 503 and {@code Retry-After}, never a 2xx for what was not stored).
 */
final class Unavailability {
  /**
   * SQLSTATEs that mean "try again later": the connection class (08), admin or crash shutdown and
   * "cannot connect now" (57P01-57P03), a cancelled statement or lock timeout (57014, 55P03), too
   * many connections (53300), and H2's lock timeout (HYT00), which a batch statement reports as a
   * plain {@code BatchUpdateException} rather than a {@code SQLTimeoutException}.
   */
  private static final Set<String> RETRYABLE_STATES =
      Set.of("57P01", "57P02", "57P03", "57014", "55P03", "53300", "HYT00");

  private Unavailability() {}

  /** {@code failure} itself, or a {@link StorageUnavailableException} wrapping it. */
  static RuntimeException translate(RuntimeException failure) {
    if (failure instanceof StorageUnavailableException) {
      return failure;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (meansUnavailable(cause)) {
        // the cause's class and SQLSTATE, never its message: it can carry bound values
        return new StorageUnavailableException(
            "the database is unavailable: " + describe(cause), failure);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure;
  }

  private static String describe(Throwable cause) {
    return cause instanceof SQLException sql && sql.getSQLState() != null
        ? cause.getClass().getSimpleName() + " (SQLSTATE " + sql.getSQLState() + ")"
        : cause.getClass().getSimpleName();
  }

  private static boolean meansUnavailable(Throwable cause) {
    if (cause instanceof SQLTransientConnectionException
        || cause instanceof SQLNonTransientConnectionException
        || cause instanceof SQLRecoverableException
        || cause instanceof SQLTimeoutException
        || cause instanceof SocketTimeoutException
        || cause instanceof SocketException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || RETRYABLE_STATES.contains(state);
    }
    return false;
  }
}
