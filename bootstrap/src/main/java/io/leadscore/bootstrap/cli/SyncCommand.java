package io.leadscore.bootstrap.cli;

import io.leadscore.application.port.in.SyncSourceUseCase;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobState;
import io.leadscore.bootstrap.node.Node;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leadscore sync --source ID}: runs one sync of a vendor source in this process and exits
 * (for cron): 0 when it succeeded, 1 when it failed (its errors printed). Resumes from the source's
 * stored cursor, like a scheduled sync.
 */
@Command(name = "sync", description = "Run one sync of a vendor source and exit (for cron).")
final class SyncCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private ConfigOption config;

  @Option(names = "--source", required = true, description = "The source id.")
  private String source;

  private final Clock clock;

  SyncCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (var node = new Node(config.load(), clock)) {
      node.migrate();
      Job job = node.get(SyncSourceUseCase.class).runNow(source);
      spec.commandLine()
          .getOut()
          .println(
              "sync "
                  + job.state().wireName()
                  + ": counts "
                  + job.counts()
                  + (job.errors().isEmpty() ? "" : ", errors " + job.errors()));
      return job.state() == JobState.SUCCEEDED ? ExitCodes.OK : ExitCodes.INVALID;
    }
  }
}
