package io.leadscore.domain.reading;

import java.util.Objects;

/**
 * One thing wrong with user input, at the path of the offending value ({@code
 * engagement[2].decay.halfLife}) with a message ({@code not an ISO-8601 duration}). Printed as
 * {@code path: message}; a problem with the whole input has an empty path.
 */
public record Problem(String path, String message) {
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
