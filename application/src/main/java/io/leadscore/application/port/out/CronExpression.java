package io.leadscore.application.port.out;

import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A five-field cron expression, evaluated in UTC: {@code minute hour day-of-month month
 * day-of-week} (a source's {@code schedule}, http-api.md "Sources"). Each field is {@code *} or a
 * comma-separated list of numbers, ranges {@code a-b} and steps {@code * /n} or {@code a-b/n}
 * (written without the space). Ranges: minute 0-59, hour 0-23, day of month 1-31, month 1-12, day
 * of week 0-7 (0 and 7 are Sunday). As in Vixie cron, when both day fields are restricted a day
 * matching either fires. Not supported: names ({@code MON}, {@code JAN}), {@code L}, {@code W},
 * {@code #}, {@code ?}, macros ({@code @daily}) and seconds. An expression that never fires ({@code
 * 0 0 30 2 *}) is invalid. Immutable and thread-safe.
 */
public final class CronExpression {
  private static final String[] NAMES = {"minute", "hour", "day of month", "month", "day of week"};
  private static final int[] MIN = {0, 0, 1, 1, 0};
  private static final int[] MAX = {59, 23, 31, 12, 7};
  private static final LocalDateTime PROBE = LocalDateTime.of(2000, 1, 1, 0, 0);

  private final String text;
  private final BitSet[] fields;
  private final boolean dayOfMonthRestricted;
  private final boolean dayOfWeekRestricted;

  private CronExpression(String text, BitSet[] fields, String[] parts) {
    this.text = text;
    this.fields = fields;
    this.dayOfMonthRestricted = !parts[2].equals("*");
    this.dayOfWeekRestricted = !parts[4].equals("*");
    if (fields[4].get(7)) {
      fields[4].set(0);
    }
  }

  /**
   * Parses an expression.
   *
   * @return the expression, or its problems with empty paths (the caller knows where it came from)
   */
  public static Read<CronExpression> parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
    if (parts.length != 5) {
      return invalid("a cron expression has 5 fields: minute hour day-of-month month day-of-week");
    }
    var problems = new ArrayList<Problem>();
    var fields = new BitSet[5];
    for (int i = 0; i < 5; i++) {
      fields[i] = field(parts[i], MIN[i], MAX[i]);
      if (fields[i] == null) {
        problems.add(
            new Problem(
                "",
                NAMES[i]
                    + " field '"
                    + parts[i]
                    + "' must be *, or numbers "
                    + MIN[i]
                    + "-"
                    + MAX[i]
                    + " in a list, range or step"));
      }
    }
    if (!problems.isEmpty()) {
      return new Read.Invalid<>(problems);
    }
    var cron = new CronExpression(String.join(" ", parts), fields, parts);
    if (cron.next(PROBE).isEmpty()) {
      return invalid("the cron expression never fires");
    }
    return new Read.Valid<>(cron);
  }

  private static Read<CronExpression> invalid(String message) {
    return new Read.Invalid<>(List.of(new Problem("", message)));
  }

  /** The values a field allows, or null when it is malformed. */
  private static BitSet field(String part, int min, int max) {
    var values = new BitSet(max + 1);
    for (String item : part.split(",", -1)) {
      int step = 1;
      String range = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        Integer parsed = number(item.substring(slash + 1));
        if (parsed == null || parsed < 1 || parsed > max) {
          return null;
        }
        step = parsed;
        range = item.substring(0, slash);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else {
        int dash = range.indexOf('-');
        Integer first = number(dash < 0 ? range : range.substring(0, dash));
        Integer last = dash < 0 ? first : number(range.substring(dash + 1));
        if (first == null || last == null || first < min || last > max || first > last) {
          return null;
        }
        if (dash < 0 && slash >= 0) {
          last = max; // "a/n" means from a to the end, every n
        }
        from = first;
        to = last;
      }
      for (int value = from; value <= to; value += step) {
        values.set(value);
      }
    }
    return values;
  }

  private static Integer number(String text) {
    if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Integer.parseInt(text);
  }

  /** The first instant strictly after {@code after} at which this fires (whole minutes, UTC). */
  public Optional<Instant> nextAfter(Instant after) {
    return next(LocalDateTime.ofInstant(after, ZoneOffset.UTC))
        .map(time -> time.toInstant(ZoneOffset.UTC));
  }

  private Optional<LocalDateTime> next(LocalDateTime after) {
    LocalDateTime time = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDateTime limit = time.plusYears(5); // every valid day (29 February too) comes in 5 years
    while (time.isBefore(limit)) {
      if (!fields[3].get(time.getMonthValue())) {
        time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(time)) {
        time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!fields[1].get(time.getHour())) {
        time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!fields[0].get(time.getMinute())) {
        time = time.plusMinutes(1);
      } else {
        return Optional.of(time);
      }
    }
    return Optional.empty();
  }

  private boolean dayMatches(LocalDateTime time) {
    boolean dayOfMonth = fields[2].get(time.getDayOfMonth());
    boolean dayOfWeek = fields[4].get(time.getDayOfWeek().getValue() % 7);
    if (dayOfMonthRestricted && dayOfWeekRestricted) {
      return dayOfMonth || dayOfWeek;
    }
    return dayOfMonth && dayOfWeek;
  }

  /** The expression, fields separated by one space. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronExpression cron && cron.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
