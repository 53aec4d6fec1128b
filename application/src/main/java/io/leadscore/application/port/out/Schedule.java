package io.leadscore.application.port.out;

import io.leadscore.domain.reading.DurationReader;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a source syncs by itself (http-api.md, "Sources"): never (only when asked), every fixed
 * period (an ISO-8601 duration of the model language, at least a minute), or at the instants of a
 * {@link CronExpression} (UTC).
 */
public sealed interface Schedule {
  /** The shortest period accepted: syncing more often would only hammer the vendor. */
  Duration MIN_PERIOD = Duration.ofMinutes(1);

  /** The schedule as configured, or empty for {@link None}. */
  Optional<String> text();

  /** The next instant after {@code now} at which a sync is due, or empty for never. */
  Optional<Instant> nextAfter(Instant now);

  /**
   * When the first sync of a source configured at {@code now} is due: at once for a period, at the
   * next firing for a cron expression, never for none.
   */
  Optional<Instant> first(Instant now);

  /** No schedule: the source syncs only when asked. */
  record None() implements Schedule {
    @Override
    public Optional<String> text() {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> nextAfter(Instant now) {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> first(Instant now) {
      return Optional.empty();
    }
  }

  /** Every {@code period} after the last time a sync was scheduled. */
  record Every(String iso, Duration period) implements Schedule {
    public Every {
      Objects.requireNonNull(iso, "iso");
      if (period.compareTo(MIN_PERIOD) < 0) {
        throw new IllegalArgumentException("period: must be at least PT1M, was " + period);
      }
    }

    @Override
    public Optional<String> text() {
      return Optional.of(iso);
    }

    @Override
    public Optional<Instant> nextAfter(Instant now) {
      return Optional.of(now.plus(period));
    }

    @Override
    public Optional<Instant> first(Instant now) {
      return Optional.of(now);
    }
  }

  /** At the instants a cron expression names. */
  record Cron(CronExpression expression) implements Schedule {
    public Cron {
      Objects.requireNonNull(expression, "expression");
    }

    @Override
    public Optional<String> text() {
      return Optional.of(expression.toString());
    }

    @Override
    public Optional<Instant> nextAfter(Instant now) {
      return expression.nextAfter(now);
    }

    @Override
    public Optional<Instant> first(Instant now) {
      return expression.nextAfter(now);
    }
  }

  /**
   * Reads a schedule: null is {@link None}, text starting with {@code P} a duration, anything else
   * a cron expression. Problems have empty paths.
   */
  static Read<Schedule> parse(String text) {
    if (text == null) {
      return new Read.Valid<>(new None());
    }
    if (text.startsWith("P")) {
      return switch (DurationReader.parse(text)) {
        case Read.Invalid<Duration>(List<Problem> problems) -> new Read.Invalid<>(problems);
        case Read.Valid<Duration>(Duration period) ->
            period.compareTo(MIN_PERIOD) < 0
                ? new Read.Invalid<>(List.of(new Problem("", "must be at least PT1M")))
                : new Read.Valid<>(new Every(text, period));
      };
    }
    return switch (CronExpression.parse(text)) {
      case Read.Invalid<CronExpression>(List<Problem> problems) ->
          new Read.Invalid<>(
              problems.stream()
                  .map(
                      problem ->
                          new Problem(
                              problem.path(),
                              problem.message() + " (or an ISO-8601 duration such as PT15M)"))
                  .toList());
      case Read.Valid<CronExpression>(CronExpression cron) -> new Read.Valid<>(new Cron(cron));
    };
  }

  /** A schedule already validated (read back from storage). */
  static Schedule of(String text) {
    return switch (parse(text)) {
      case Read.Valid<Schedule>(Schedule schedule) -> schedule;
      case Read.Invalid<Schedule>(List<Problem> problems) ->
          throw new IllegalArgumentException("schedule: " + problems);
    };
  }
}
