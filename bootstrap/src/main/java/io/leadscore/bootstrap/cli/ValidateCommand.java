package io.leadscore.bootstrap.cli;

import io.leadscore.adapter.http.json.DocumentParser;
import io.leadscore.adapter.http.json.DocumentSyntaxException;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.reading.ModelReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leadscore validate FILE}: reads a model file and prints every problem, one a line as
 * {@code path: message}, on stdout; or a one-line summary when the model is valid. Exit 0 valid, 1
 * invalid, 2 unreadable (message on stderr).
 */
@Command(
    name = "validate",
    description = "Validate a model file (YAML or JSON): print every problem with its path.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid", "1:invalid (problems on stdout)", "2:unreadable file or bad usage"})
final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private HelpOption help;

  @Parameters(paramLabel = "FILE", description = "The model file (.yaml, .yml or .json).")
  private Path file;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Object tree;
    try {
      tree = DocumentParser.parseFile(file);
    } catch (DocumentSyntaxException e) {
      err.println("leadscore: " + e.getMessage());
      return ExitCodes.UNREADABLE;
    }
    return switch (ModelReader.read(tree)) {
      case Read.Valid<ScoringModel>(ScoringModel model) -> {
        out.println(file + ": " + summary(model));
        yield ExitCodes.OK;
      }
      case Read.Invalid<ScoringModel>(var problems) -> {
        for (Problem problem : problems) {
          out.println(problem);
        }
        err.println(
            file
                + ": invalid model, "
                + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        yield ExitCodes.INVALID;
      }
    };
  }

  /**
   * {@code valid model 'b2b-default' (3 fit rules, 4 engagement rules, 1 topic, 3 tiers, 4
   * grades)}.
   */
  static String summary(ScoringModel model) {
    return "valid model '"
        + model.id()
        + "' ("
        + count(model.fit().size(), "fit rule")
        + ", "
        + count(model.engagement().size(), "engagement rule")
        + ", "
        + count(model.topics().size(), "topic")
        + ", "
        + count(model.tiers().size(), "tier")
        + ", "
        + count(model.grades().size(), "grade")
        + ")";
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
