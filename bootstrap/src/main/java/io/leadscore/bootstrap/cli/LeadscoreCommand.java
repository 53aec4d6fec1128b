package io.leadscore.bootstrap.cli;

import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.StorageUnavailableException;
import io.leadscore.bootstrap.config.InvalidConfigException;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top {@code leadscore} command (http-api.md, "CLI"). Offline subcommands {@code validate} and
 * {@code score}; server commands {@code serve}, {@code demo}, {@code migrate}, {@code rescore},
 * {@code keys create}; and {@code help}. Exit codes: see {@link ExitCodes}.
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
    commandLine.addSubcommand("serve", new ServeCommand(clock));
    commandLine.addSubcommand("demo", new DemoCommand(clock));
    commandLine.addSubcommand("migrate", new MigrateCommand(clock));
    commandLine.addSubcommand("rescore", new RescoreCommand(clock));
    commandLine.addSubcommand("sync", new SyncCommand(clock));
    commandLine.addSubcommand("keys", new KeysCommand());
    commandLine.addSubcommand("help", new CommandLine.HelpCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          var stderr = failed.getErr();
          if (exception instanceof InvalidConfigException invalid) {
            stderr.println("leadscore: " + invalid.getMessage());
            return ExitCodes.UNREADABLE;
          }
          if (exception instanceof NotFoundException
              || exception instanceof InvalidInputException) {
            stderr.println("leadscore: " + exception.getMessage());
            return ExitCodes.INVALID;
          }
          if (exception instanceof StorageUnavailableException unavailable) {
            stderr.println("leadscore: " + unavailable.getMessage());
            return ExitCodes.INTERNAL_ERROR;
          }
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
