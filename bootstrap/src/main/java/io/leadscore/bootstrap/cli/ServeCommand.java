package io.leadscore.bootstrap.cli;

import io.leadscore.bootstrap.node.Node;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code leadscore serve [--config FILE]}: runs a node (API, background workers) until the process
 * is asked to stop (SIGTERM, Ctrl-C), then shuts down gracefully.
 */
@Command(name = "serve", description = "Start the server: the API and the background workers.")
final class ServeCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private ConfigOption config;

  private final Clock clock;

  ServeCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    var node = new Node(config.load(), clock);
    runUntilStopped(node.start());
    return ExitCodes.OK;
  }

  /** Blocks until the JVM shuts down; the shutdown hook closes the node gracefully. */
  static void runUntilStopped(Node node) throws InterruptedException {
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } finally {
                    stopped.countDown();
                  }
                },
                "shutdown"));
    stopped.await();
  }
}
