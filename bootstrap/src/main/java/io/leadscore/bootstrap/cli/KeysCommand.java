package io.leadscore.bootstrap.cli;

import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.CreateWorkspaceUseCase;
import io.leadscore.application.port.in.CreatedApiKey;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.node.Node;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leadscore keys create --workspace W --scope S}: creates an API key (and the workspace, if
 * it does not exist yet: this is how a new workspace gets its first key) and prints the secret
 * once. Only its hash is stored.
 */
@Command(name = "keys", description = "Manage API keys.", subcommands = KeysCommand.Create.class)
final class KeysCommand implements Runnable {
  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing a command: create");
  }

  /** {@code keys create}. */
  @Command(name = "create", description = "Create an API key and print its secret once.")
  static final class Create implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private HelpOption help;
    @Mixin private ConfigOption config;

    @Option(names = "--workspace", required = true, description = "The workspace (created if new).")
    private String workspace;

    @Option(
        names = "--scope",
        required = true,
        description = "read, write or admin: ${COMPLETION-CANDIDATES}",
        converter = ScopeConverter.class)
    private Scope scope;

    @Option(names = "--name", defaultValue = "cli", description = "A name to recognise the key by.")
    private String name;

    @Override
    public Integer call() {
      try (var node = new Node(config.load(), Clock.systemUTC())) {
        node.migrate();
        try {
          node.get(CreateWorkspaceUseCase.class).create(workspace, workspace);
        } catch (ConflictException exists) {
          // an existing workspace gets one more key
        }
        CreatedApiKey created = node.get(ManageApiKeysUseCase.class).create(workspace, scope, name);
        var out = spec.commandLine().getOut();
        out.println(created.token());
        spec.commandLine()
            .getErr()
            .println(
                "API key "
                    + created.key().id()
                    + " ("
                    + scope.wireName()
                    + ") for workspace "
                    + workspace
                    + ": the secret above is shown once");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code read}, {@code write}, {@code admin}, any case. */
  static final class ScopeConverter implements picocli.CommandLine.ITypeConverter<Scope> {
    @Override
    public Scope convert(String value) {
      return Scope.ofWireName(value)
          .orElseThrow(
              () ->
                  new picocli.CommandLine.TypeConversionException(
                      "'" + value + "' is not a scope; use read, write or admin"));
    }
  }
}
