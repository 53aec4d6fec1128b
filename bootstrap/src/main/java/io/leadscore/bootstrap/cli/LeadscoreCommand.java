package io.leadscore.bootstrap.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top {@code leadscore} command (http-api.md, "CLI"). Offline subcommands for now: {@code
 * validate} and {@code score}, plus {@code help}; the server commands come in later issues. Exit
 * codes: see {@link ExitCodes}.
 */
@Command(
    name = "leadscore",
    description = "Lead scoring: fit and engagement rules, exact scores at any instant.",
    mixinStandardHelpOptions = false,
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:invalid input (every problem is printed)",
      "2:unreadable file or bad usage",
      "3:internal error"
    })
public final class LeadscoreCommand implements Runnable {
  @Spec private CommandSpec spec;

  @CommandLine.Mixin private HelpOption help;

  /**
   * The command line with its subcommands, writing to {@code out} and {@code err}. {@code clock}
   * gives "now", the default {@code --as-of} of {@code score}.
   */
  public static CommandLine commandLine(Clock clock, PrintWriter out, PrintWriter err) {
    var commandLine = new CommandLine(new LeadscoreCommand());
    commandLine.addSubcommand("validate", new ValidateCommand());
    commandLine.addSubcommand("score", new ScoreCommand(clock));
    commandLine.addSubcommand("help", new CommandLine.HelpCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          var stderr = failed.getErr();
          stderr.println("leadscore: internal error: " + exception);
          exception.printStackTrace(stderr);
          return ExitCodes.INTERNAL_ERROR;
        });
    return commandLine;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
  }
}
