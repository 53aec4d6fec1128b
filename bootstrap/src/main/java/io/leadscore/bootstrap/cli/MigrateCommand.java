package io.leadscore.bootstrap.cli;

import io.leadscore.bootstrap.node.Node;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code leadscore migrate}: applies pending database migrations and exits. */
@Command(name = "migrate", description = "Apply the database migrations and exit.")
final class MigrateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private ConfigOption config;

  private final Clock clock;

  MigrateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (var node = new Node(config.load(), clock)) {
      int ran = node.migrate();
      spec.commandLine()
          .getOut()
          .println("applied " + ran + " migration(s); the schema is up to date");
    }
    return ExitCodes.OK;
  }
}
