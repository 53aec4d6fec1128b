package io.leadscore.bootstrap.cli;

import io.leadscore.adapter.http.json.DocumentParser;
import io.leadscore.adapter.http.json.DocumentSyntaxException;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.reading.EventReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON Lines file of events (one JSON object a line, UTF-8; blank lines skipped) into
 * events, reporting every bad line as {@code FILE:LINE: path: message}. A repeated {@code eventKey}
 * is reported on the later line, naming the earlier one (scoring-model.md, "Order and time": {@code
 * leadscore score} rejects a file that repeats one).
 */
final class EventLines {
  private EventLines() {}

  /**
   * Keys an event line may carry beside {@code eventKey, type, occurredAt, properties}: the {@code
   * contact} identity of the API's event form (http-api.md), ignored here because the contact is
   * the one given by {@code --contact}.
   */
  static final Set<String> ALLOWED_EXTRA_KEYS = Set.of("contact");

  /** One non-blank line of the file, numbered from 1. */
  record Line(int number, String text) {}

  /** The non-blank lines of the file. */
  static List<Line> readLines(Path file) throws DocumentSyntaxException {
    List<String> all;
    try {
      all = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DocumentSyntaxException(file.toString(), "no such file", e);
    } catch (CharacterCodingException e) {
      throw new DocumentSyntaxException(file.toString(), "not UTF-8 text", e);
    } catch (IOException e) {
      throw new DocumentSyntaxException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    var lines = new ArrayList<Line>();
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).isBlank()) {
        lines.add(new Line(i + 1, all.get(i)));
      }
    }
    return lines;
  }

  /**
   * Parses and reads each line as an event. Every problem is added to {@code problems} as {@code
   * FILE:LINE: path: message}; the events are only meaningful when none was added.
   */
  static List<Event> read(List<Line> lines, Path file, List<String> problems) {
    var events = new ArrayList<Event>(lines.size());
    Map<String, Integer> lineOfKey = new HashMap<>();
    for (Line line : lines) {
      String where = file + ":" + line.number() + ": ";
      Object tree;
      try {
        tree =
            DocumentParser.parse(
                line.text().getBytes(StandardCharsets.UTF_8),
                DocumentParser.Format.JSON,
                file.toString());
      } catch (DocumentSyntaxException e) {
        // within one line, the parser's "line 1" is noise: keep the column
        problems.add(where + e.detail() + (e.column() > 0 ? " (column " + e.column() + ")" : ""));
        continue;
      }
      switch (EventReader.read(tree, ALLOWED_EXTRA_KEYS)) {
        case Read.Valid<Event>(Event event) -> {
          Integer first = lineOfKey.putIfAbsent(event.eventKey(), line.number());
          if (first != null) {
            problems.add(where + "eventKey: '" + event.eventKey() + "' repeats line " + first);
          } else {
            events.add(event);
          }
        }
        case Read.Invalid<Event>(var found) -> {
          for (Problem problem : found) {
            problems.add(where + problem);
          }
        }
      }
    }
    return events;
  }
}
