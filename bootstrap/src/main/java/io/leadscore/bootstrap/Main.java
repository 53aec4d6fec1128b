package io.leadscore.bootstrap;

import io.leadscore.bootstrap.cli.LeadscoreCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Entry point of the runnable jar ({@code java -jar leadscore.jar ...}, or {@code bin/leadscore}).
 * Exit codes are those of {@link LeadscoreCommand}: 0 success, 1 invalid input, 2 unreadable input
 * or bad usage, 3 internal error.
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    var out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    var err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(LeadscoreCommand.commandLine(Clock.systemUTC(), out, err).execute(args));
  }

  /**
   * Runs the command line in-process (for tests and embedding): returns the exit code, never exits.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Clock.systemUTC());
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter)}, with "now" (the default {@code --as-of})
   * from {@code clock}.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
    try {
      return LeadscoreCommand.commandLine(clock, out, err).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
