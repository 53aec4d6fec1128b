package io.leadscore.bootstrap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar leadscore.jar serve} in a child JVM, as an operator runs it: configured only by
 * {@code LEADSCORE_*} environment variables (the parent's own are not inherited), on a port picked
 * beforehand, its output in a log file. {@link #kill()} is SIGKILL ({@link
 * Process#destroyForcibly()} on Linux: no shutdown hook runs), {@link #stop()} SIGTERM (the
 * graceful stop). Closing kills it if it still runs. The jar is the shaded one failsafe names in
 * {@code leadscore.jar}.
 */
public final class ChildServer implements AutoCloseable {
  private static final Path JAR =
      Path.of(System.getProperty("leadscore.jar", "target/leadscore.jar")).toAbsolutePath();
  private static final Duration START_PATIENCE = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final int port;

  private ChildServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code serve} on a free port with {@code environment} (database URL and credentials,
   * limits) and waits until {@code /health} answers.
   *
   * @param workDir the child's working directory, which also holds its log
   * @param jvmOptions such as {@code -Xmx128m}
   */
  public static ChildServer start(
      Map<String, String> environment, Path workDir, List<String> jvmOptions) {
    int port = FreePort.pick();
    var command = new ArrayList<String>();
    command.add(java());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString(), "serve"));
    Path log = workDir.resolve("server-" + port + "-" + System.nanoTime() + ".log");
    var builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("LEADSCORE_"));
    builder.environment().putAll(environment);
    builder.environment().put("LEADSCORE_HOST", "127.0.0.1");
    builder.environment().put("LEADSCORE_PORT", Integer.toString(port));
    try {
      var child = new ChildServer(builder.start(), log, port);
      child.awaitHealthy();
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs one CLI command ({@code keys create ...}) with {@code environment} to its end.
   *
   * @return its standard output
   */
  public static String cli(Map<String, String> environment, Path workDir, String... args) {
    var command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "cli", ".out");
      Path err = Files.createTempFile(workDir, "cli", ".err");
      var builder = new ProcessBuilder(command).directory(workDir.toFile());
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("LEADSCORE_"));
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(START_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("leadscore " + String.join(" ", args) + " did not finish");
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "leadscore "
                + String.join(" ", args)
                + " exited "
                + process.exitValue()
                + ": "
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      return stdout;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Whether the process still runs. */
  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL, then waits for the process to be gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM (the graceful stop), then waits for the process to end. */
  public void stop() {
    process.destroy();
    awaitExit();
  }

  /** What the child printed so far. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitHealthy() {
    var client = new ApiClient(this::base, null);
    boolean healthy =
        Await.within(
            START_PATIENCE,
            () -> {
              if (!process.isAlive()) {
                return true;
              }
              var answer = client.tryGet("/health");
              return answer != null && answer.status() == 200;
            });
    if (!healthy || !process.isAlive()) {
      process.destroyForcibly();
      throw new AssertionError("the server did not come up; its log:\n" + log());
    }
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(START_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the server did not end; its log:\n" + log());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
