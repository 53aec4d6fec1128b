package io.leadscore.bootstrap.cli;

import io.leadscore.adapter.jdbc.Database;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.out.Scope;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import io.leadscore.bootstrap.node.DemoData;
import io.leadscore.bootstrap.node.Node;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leadscore demo}: starts a node on an embedded database under {@code ./data/demo} with a
 * demo workspace, the sample model and a few thousand generated contacts with months of history
 * (made on the first run, kept for the next), then prints the URL, a new admin API key and a curl
 * command that works when pasted. Runs until stopped, like {@code serve}.
 */
@Command(name = "demo", description = "Start the server on an embedded database with demo data.")
final class DemoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private HelpOption help;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port (default ${DEFAULT-VALUE}; 0 for any free port).")
  private int port;

  @Option(
      names = "--contacts",
      defaultValue = "3000",
      description = "Contacts to generate on the first run (default ${DEFAULT-VALUE}).")
  private int contacts;

  @Option(
      names = "--data",
      defaultValue = "data/demo",
      description = "Directory of the demo database (default ${DEFAULT-VALUE}).")
  private Path data;

  private final Clock clock;

  DemoCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    var defaults = LeadscoreConfig.defaults();
    String url = Database.embeddedUrl(data.toAbsolutePath().resolve("leadscore").toString());
    var config =
        defaults
            .withServer(
                new LeadscoreConfig.Server(
                    "127.0.0.1",
                    port,
                    defaults.server().maxThreads(),
                    defaults.server().maxConcurrentWrites()))
            .withDatabase(
                new LeadscoreConfig.DatabaseConfig(
                    url,
                    null,
                    null,
                    defaults.database().poolSize(),
                    defaults.database().connectTimeout(),
                    defaults.database().socketTimeout(),
                    true));
    var node = new Node(config, clock);
    node.migrate();
    var demo = new DemoData(node, clock);
    if (demo.createWorkspace()) {
      out.println("Generating the demo: " + contacts + " contacts with 120 days of history...");
      out.flush();
      long events = demo.seed(contacts, 42);
      out.println("Stored " + events + " events and scored every contact.");
    }
    String key =
        node.get(ManageApiKeysUseCase.class)
            .create(DemoData.WORKSPACE, Scope.ADMIN, "demo")
            .token();
    node.start();
    String base = "http://127.0.0.1:" + node.port();
    out.println();
    out.println("Leadscore demo is running at " + base);
    out.println("Admin API key (shown once): " + key);
    out.println();
    out.println("Try the hottest leads:");
    out.println(
        "  curl -s -H 'Authorization: Bearer "
            + key
            + "' '"
            + base
            + "/v1/leaderboard?model="
            + DemoData.MODEL
            + "&limit=5'");
    out.println();
    out.println("Stop with Ctrl-C.");
    out.flush();
    ServeCommand.runUntilStopped(node);
    return ExitCodes.OK;
  }
}
