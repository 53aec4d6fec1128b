package io.leadscore.bootstrap.cli;

/**
 * The CLI's exit codes, the same for every command (documented in docs/model-language.md, "Choices
 * where the spec was silent").
 */
public final class ExitCodes {
  private ExitCodes() {}

  /** Success: the model is valid, or the score was printed. */
  public static final int OK = 0;

  /** The input was read but is invalid: every problem is printed with its path. */
  public static final int INVALID = 1;

  /**
   * An input could not be read at all (missing file, I/O error, text that is not YAML or JSON), or
   * the command line itself is wrong (picocli's usage error code is also 2).
   */
  public static final int UNREADABLE = 2;

  /** A bug: an unexpected exception, printed with its stack trace. */
  public static final int INTERNAL_ERROR = 3;
}
