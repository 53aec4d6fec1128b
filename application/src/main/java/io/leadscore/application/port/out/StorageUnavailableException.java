package io.leadscore.application.port.out;

/**
 * The database could not be reached or did not answer in time (down, restarting, a lock held too
 * long, the pool exhausted): nothing was written, and the same call may succeed later. Thrown by
 * the persistence adapter so callers can answer "try again" (HTTP 503 with {@code Retry-After})
 * without knowing the database technology.
 */
public final class StorageUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
