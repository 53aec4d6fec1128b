package io.leadscore.bootstrap.cli;

import io.leadscore.application.port.in.RescoreModelUseCase;
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
 * {@code leadscore rescore --workspace W --model ID}: re-scores every contact of the workspace on
 * the model's live version, in this process, and exits (1 when the job failed).
 */
@Command(
    name = "rescore",
    description = "Re-score every contact on a model's live version and exit.")
final class RescoreCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;
  @Mixin private ConfigOption config;

  @Option(names = "--workspace", required = true, description = "The workspace.")
  private String workspace;

  @Option(names = "--model", required = true, description = "The model id.")
  private String model;

  private final Clock clock;

  RescoreCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (var node = new Node(config.load(), clock)) {
      node.migrate();
      Job job = node.get(RescoreModelUseCase.class).rescore(workspace, model);
      spec.commandLine()
          .getOut()
          .println(
              "rescore "
                  + job.state().wireName()
                  + ": "
                  + job.done()
                  + " contacts, counts "
                  + job.counts()
                  + (job.errors().isEmpty() ? "" : ", errors " + job.errors()));
      return job.state() == JobState.SUCCEEDED ? ExitCodes.OK : ExitCodes.INVALID;
    }
  }
}
