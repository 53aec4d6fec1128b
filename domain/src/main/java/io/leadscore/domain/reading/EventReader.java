package io.leadscore.domain.reading;

import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.condition.Value;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one event from a generic tree (scoring-model.md, "Events"): {@code {eventKey, type,
 * occurredAt, properties}}. {@code eventKey} is 1 to 128 characters of {@code [A-Za-z0-9._:-]};
 * {@code type} a lower-case dotted name of at least two {@code [a-z0-9_-]+} segments; {@code
 * occurredAt} an ISO-8601 date-time with {@code Z} or an offset (converted to UTC; a time without
 * zone is rejected, since a day has no time zone here), in the years 1 to 9999 in UTC (what both
 * databases store); {@code properties} an optional object of values, nested objects flattened to
 * dotted names. Problem paths are relative to the event ({@code occurredAt}, {@code
 * properties.utm.source}); callers prefix line numbers or indices. Stateless and thread-safe; never
 * throws on any input.
 */
public final class EventReader {
  private EventReader() {}

  private static final Set<String> KEYS = Set.of("eventKey", "type", "occurredAt", "properties");

  /** The most characters of an event type (types are stored and indexed). */
  public static final int MAX_TYPE = 200;

  /** Event keys: 1 to 128 characters that order alike in every language. */
  public static final Pattern EVENT_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /**
   * Reads an event.
   *
   * @param allowedExtraKeys top-level keys the caller handles itself (the HTTP API's {@code
   *     contact}); they are ignored here, and any other unknown key is a problem
   * @return the event, or every problem
   */
  public static Read<Event> read(Object tree, Set<String> allowedExtraKeys) {
    var problems = new ProblemList();
    TreeObject event = TreeObject.of(tree, TreePath.ROOT, problems);
    if (event == null) {
      return problems.result(null);
    }
    var known = new HashSet<>(KEYS);
    known.addAll(allowedExtraKeys);
    event.rejectUnknown(known, "unknown key");
    String eventKey = event.required("eventKey", (node, path) -> eventKey(node, path, problems));
    String type = event.required("type", (node, path) -> type(node, path, problems));
    Instant occurredAt =
        event.required("occurredAt", (node, path) -> instant(node, path, problems));
    Map<String, Value> properties =
        event.optional(
            "properties", (node, path) -> ValueTreeReader.read(node, path, problems), Map.of());
    if (eventKey == null || type == null || occurredAt == null || properties == null) {
      return problems.result(null);
    }
    return problems.result(new Event(eventKey, type, occurredAt, properties));
  }

  private static String eventKey(Object node, TreePath path, ProblemList problems) {
    String text = Scalars.string(node, path, problems);
    if (text != null && !EVENT_KEY.matcher(text).matches()) {
      problems.add(path, "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -");
      return null;
    }
    return text;
  }

  private static String type(Object node, TreePath path, ProblemList problems) {
    String text = Scalars.string(node, path, problems);
    if (text != null && text.length() > MAX_TYPE) {
      problems.add(path, "must be at most " + MAX_TYPE + " characters");
      return null;
    }
    if (text != null && !Scalars.EVENT_TYPE.matcher(text).matches()) {
      problems.add(path, "must be a lower-case dotted name like email.clicked");
      return null;
    }
    return text;
  }

  /**
   * An ISO-8601 instant with {@code Z} or an offset ({@code 2026-11-22T10:00:00Z}, {@code
   * 2026-11-22T12:00:00+02:00}), as UTC.
   */
  static Instant instant(Object node, TreePath path, ProblemList problems) {
    String text = Scalars.string(node, path, problems);
    if (text == null) {
      return null;
    }
    Instant instant;
    try {
      instant =
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
    } catch (DateTimeException e) {
      problems.add(
          path, "must be an ISO-8601 instant with Z or an offset, like 2026-11-22T10:00:00Z");
      return null;
    }
    // stores keep microseconds, so the last storable instant is the last microsecond of 9999
    if (instant.isBefore(FIRST_INSTANT)
        || instant.truncatedTo(ChronoUnit.MICROS).isAfter(LAST_INSTANT)) {
      problems.add(path, "must be an instant in the years 1 to 9999 (UTC)");
      return null;
    }
    return instant;
  }

  /** The first instant both databases store (PostgreSQL has no year 0; H2 and Java do). */
  public static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  /** The last instant of the year 9999 kept to the microsecond, as stores keep it. */
  public static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");
}
