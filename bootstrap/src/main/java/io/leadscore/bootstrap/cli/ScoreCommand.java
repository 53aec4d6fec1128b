package io.leadscore.bootstrap.cli;

import io.leadscore.adapter.http.json.DocumentParser;
import io.leadscore.adapter.http.json.DocumentSyntaxException;
import io.leadscore.adapter.http.json.LeadScoreJson;
import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.ScoringEngine;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.reading.ContactReader;
import io.leadscore.domain.reading.ModelReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leadscore score --model FILE --contact FILE --events FILE.jsonl [--as-of T]}: evaluates
 * one contact offline and prints its LeadScore JSON ({@link LeadScoreJson}) on stdout.
 *
 * <p>All three files are read and every problem in any of them is listed on stderr, each prefixed
 * with its file (and, for events, line number), before anything is scored: one bad event line means
 * nothing is scored (exit 1). A repeated {@code eventKey} is a problem naming both lines.
 * Unreadable files exit 2.
 */
@Command(
    name = "score",
    description =
        "Evaluate a model on one contact and its events, offline; print the LeadScore JSON.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:scored (JSON on stdout)",
      "1:invalid model, contact or events (problems on stderr)",
      "2:unreadable file or bad usage"
    })
final class ScoreCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "The model file (.yaml, .yml or .json).")
  private Path model;

  @Option(
      names = "--contact",
      required = true,
      paramLabel = "FILE",
      description = "The contact: {\"attributes\": {...}, \"tags\": [...]} (JSON or YAML).")
  private Path contact;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "The contact's events, one JSON object a line (blank lines are skipped).")
  private Path events;

  @Option(
      names = "--as-of",
      paramLabel = "T",
      converter = InstantConverter.class,
      description = "The instant to score at, ISO-8601 (2026-11-22T10:00:00Z). Default: now.")
  private Instant asOf;

  ScoreCommand(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Object modelTree;
    Object contactTree;
    List<EventLines.Line> eventLines;
    try {
      modelTree = DocumentParser.parseFile(model);
      contactTree = DocumentParser.parseFile(contact);
      eventLines = EventLines.readLines(events);
    } catch (DocumentSyntaxException e) {
      err.println("leadscore: " + e.getMessage());
      return ExitCodes.UNREADABLE;
    }

    var problems = new ArrayList<String>();
    ScoringModel scoringModel = valueOrCollect(ModelReader.read(modelTree), model, problems);
    Contact scoredContact = valueOrCollect(ContactReader.read(contactTree), contact, problems);
    List<Event> history = EventLines.read(eventLines, events, problems);
    if (!problems.isEmpty()) {
      problems.forEach(err::println);
      err.println(
          "leadscore: nothing scored, "
              + problems.size()
              + (problems.size() == 1 ? " problem" : " problems"));
      return ExitCodes.INVALID;
    }

    Instant at = asOf != null ? asOf : clock.instant();
    LeadScore score = ScoringEngine.score(scoringModel, scoredContact, history, at);
    out.println(LeadScoreJson.from(score, null).toPrettyJson());
    return ExitCodes.OK;
  }

  private static <T> T valueOrCollect(Read<T> read, Path file, List<String> problems) {
    return switch (read) {
      case Read.Valid<T>(T value) -> value;
      case Read.Invalid<T>(var found) -> {
        for (Problem problem : found) {
          problems.add(file + ": " + problem);
        }
        yield null;
      }
    };
  }

  /** Reads {@code --as-of}: an ISO-8601 instant such as {@code 2026-11-22T10:00:00Z}. */
  static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not an ISO-8601 instant such as 2026-11-22T10:00:00Z");
      }
    }
  }
}
