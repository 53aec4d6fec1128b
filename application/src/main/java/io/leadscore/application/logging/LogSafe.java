package io.leadscore.application.logging;

/**
 * Makes failures and request text safe to log (docs/operations.md, "Logs"). Exception messages are
 * never logged: JDBI's carry the statement with its bound values (a webhook's {@code whsec_}
 * secret, API key hashes, e-mails, attribute values), and our own name what a request contained. A
 * failure is logged as a {@link Redacted} copy: each exception's class and stack frames, no
 * message. Stateless.
 */
public final class LogSafe {
  private static final int MAX_TEXT = 200;

  private LogSafe() {}

  /**
   * {@code failure} with every message removed (causes and suppressed ones too), its stack frames
   * kept, for {@code LOG.error("...", LogSafe.failure(e))}.
   */
  public static Throwable failure(Throwable failure) {
    return redact(failure, 0);
  }

  /**
   * The classes of {@code failure} and its causes: {@code UnableToExecuteStatementException <
   * PSQLException}.
   */
  public static String classes(Throwable failure) {
    var text = new StringBuilder();
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause()) {
      if (depth++ > 0) {
        text.append(" < ");
      }
      text.append(cause.getClass().getSimpleName());
    }
    return text.toString();
  }

  /**
   * {@code text} (a request path, a name) with control characters escaped as {@code \\uXXXX} and
   * cut to 200 characters, so a log line stays one line and shows no raw NUL.
   */
  public static String text(String text) {
    if (text == null) {
      return "null";
    }
    var out = new StringBuilder(Math.min(text.length(), MAX_TEXT) + 8);
    for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return text.length() > MAX_TEXT ? out + "..." : out.toString();
  }

  private static Throwable redact(Throwable failure, int depth) {
    if (failure == null || depth > 10) {
      return null;
    }
    var copy = new Redacted(failure.getClass().getName(), redact(failure.getCause(), depth + 1));
    copy.setStackTrace(failure.getStackTrace());
    for (Throwable suppressed : failure.getSuppressed()) {
      copy.addSuppressed(redact(suppressed, depth + 1));
    }
    return copy;
  }

  /** A failure as logged: the original's class name as its message, no text of the original. */
  public static final class Redacted extends RuntimeException {
    Redacted(String originalClass, Throwable cause) {
      super(originalClass + " (message withheld from logs)", cause);
    }
  }
}
