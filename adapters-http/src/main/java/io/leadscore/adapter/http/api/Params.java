package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.leadscore.domain.reading.Problem;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's query parameters, read with every problem collected, so a 400 names each bad
 * parameter at once. Call {@link #check()} after the last read. Not thread-safe (one per request).
 */
final class Params {
  private final Context ctx;
  private final List<Problem> problems = new ArrayList<>();

  Params(Context ctx) {
    this.ctx = ctx;
  }

  /** A parameter that must be present and not blank. */
  String required(String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      problems.add(new Problem(name, "required"));
      return null;
    }
    return value;
  }

  /** A parameter, or null when absent or blank. */
  String optional(String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** The earliest instant a parameter may name: what both databases store (years 1 to 9999). */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /** The latest instant a parameter may name. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * An ISO-8601 instant ({@code 2026-11-22T10:00:00Z}) in years 1 to 9999, or {@code fallback} when
   * absent. A fallback outside those years (a default derived from another parameter) is a problem
   * of this parameter too.
   */
  Instant instant(String name, Instant fallback) {
    String value = optional(name);
    Instant parsed = fallback;
    if (value != null) {
      try {
        parsed = Instant.parse(value);
      } catch (DateTimeException e) {
        problems.add(new Problem(name, "not an ISO-8601 instant such as 2026-11-22T10:00:00Z"));
        return fallback;
      }
    }
    if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
      problems.add(new Problem(name, "must be between " + EARLIEST + " and " + LATEST));
      return parsed.isBefore(EARLIEST) ? EARLIEST : LATEST;
    }
    return parsed;
  }

  /** A positive ISO-8601 duration ({@code P1D}, {@code PT6H}), or {@code fallback} when absent. */
  Duration duration(String name, Duration fallback) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      Duration parsed = Duration.parse(value);
      if (parsed.isNegative() || parsed.isZero()) {
        problems.add(new Problem(name, "must be a positive duration"));
        return fallback;
      }
      return parsed;
    } catch (DateTimeException e) {
      problems.add(new Problem(name, "not an ISO-8601 duration such as P1D or PT6H"));
      return fallback;
    }
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String name, int fallback, int min, int max) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min || parsed > max) {
        problems.add(new Problem(name, "must be between " + min + " and " + max));
        return fallback;
      }
      return parsed;
    } catch (NumberFormatException e) {
      problems.add(new Problem(name, "not an integer"));
      return fallback;
    }
  }

  /** Throws a 400 listing every problem found so far. */
  void check() {
    if (!problems.isEmpty()) {
      throw new BadRequestException(
          problems.size() + " bad query parameter(s)", List.copyOf(problems));
    }
  }
}
