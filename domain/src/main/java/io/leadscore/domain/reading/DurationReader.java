package io.leadscore.domain.reading;

import java.time.Duration;
import java.util.List;

/**
 * Parses the model language's durations (scoring-model.md, "Durations"): upper-case ISO-8601
 * days and times, {@code PnW}, {@code PnD}, {@code PTnH}, {@code PTnM}, {@code PTnS} and their
 * combinations in that order ({@code P1W2D}, {@code P1DT6H}, {@code PT1.5S}). Numbers are
 * plain ASCII digits; only seconds may have a fraction (at most 9 decimals, a {@code .}). A
 * week is 7 days and a day 86,400 s (no calendars). Zero, negative, empty ({@code P},
 * {@code P1DT}), lower-case, months and years are invalid, as are durations longer than
 * {@link #MAX} (so instant arithmetic on them can never overflow).
 *
 * <p>Shared by every reader of durations (models, HTTP parameters, limits). Stateless and
 * thread-safe; never throws.
 */
public final class DurationReader {
  private DurationReader() {}

  /** The longest duration accepted: 1,000,000 days (about 2,700 years). */
  public static final Duration MAX = Duration.ofDays(1_000_000);

  /** The message for text that is not a duration of this language. */
  public static final String NOT_A_DURATION = "not an ISO-8601 duration";

  /** The message for months and years. */
  public static final String NO_MONTHS_OR_YEARS = "months and years are not allowed (no fixed length)";

  /** The message for zero and negative durations. */
  public static final String NOT_POSITIVE = "must be positive";

  /** The message for durations longer than {@link #MAX}. */
  public static final String TOO_LONG = "must be at most P1000000D";

  /**
   * Parses one duration.
   *
   * @return the positive duration, or one problem with an empty path (the caller knows where
   *     the text came from) whose message is one of this class's message constants
   */
  public static Read<Duration> parse(String text) {
    String message = check(text);
    if (message != null) {
      return invalid(message);
    }
    Duration duration = compute(text);
    if (duration == null || duration.compareTo(MAX) > 0) {
      return invalid(TOO_LONG);
    }
    if (duration.isZero()) {
      return invalid(NOT_POSITIVE);
    }
    return new Read.Valid<>(duration);
  }

  private static Read<Duration> invalid(String message) {
    return new Read.Invalid<>(List.of(new Problem("", message)));
  }

  /** Checks the shape; returns a message, or null when the text is well-formed. */
  private static String check(String text) {
    if (text == null || text.isEmpty()) {
      return NOT_A_DURATION;
    }
    if (text.charAt(0) == '-' || text.startsWith("P-") || text.startsWith("PT-")) {
      return NOT_POSITIVE;
    }
    if (text.charAt(0) != 'P') {
      return NOT_A_DURATION;
    }
    int t = text.indexOf('T');
    String datePart = t < 0 ? text.substring(1) : text.substring(1, t);
    if (datePart.indexOf('Y') >= 0 || datePart.indexOf('M') >= 0) {
      return wellFormedIgnoringMonthsAndYears(text) ? NO_MONTHS_OR_YEARS : NOT_A_DURATION;
    }
    return wellFormed(text, "WD", "HMS") ? null : NOT_A_DURATION;
  }

  private static boolean wellFormedIgnoringMonthsAndYears(String text) {
    return wellFormed(text, "YMWD", "HMS");
  }

  /**
   * Whether text is {@code P(n<dateUnit>)*(T(n<timeUnit>)+)?} with at least one component, the
   * units of each part in the given order and each at most once, a fraction only on seconds.
   */
  private static boolean wellFormed(String text, String dateUnits, String timeUnits) {
    int i = 1;
    int components = 0;
    int unitIndex = 0;
    boolean time = false;
    String units = dateUnits;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == 'T') {
        if (time || i == n - 1) {
          return false;
        }
        time = true;
        units = timeUnits;
        unitIndex = 0;
        i++;
        continue;
      }
      int start = i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
      boolean fraction = false;
      if (i < n && text.charAt(i) == '.') {
        i++;
        int fractionStart = i;
        while (i < n && isDigit(text.charAt(i))) {
          i++;
        }
        if (i == fractionStart || i - fractionStart > 9) {
          return false;
        }
        fraction = true;
      }
      if (i >= n) {
        return false;
      }
      int unit = units.indexOf(text.charAt(i), unitIndex);
      if (unit < 0) {
        return false;
      }
      if (fraction && !(time && text.charAt(i) == 'S')) {
        return false;
      }
      unitIndex = unit + 1;
      components++;
      i++;
    }
    return components > 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The duration of well-formed text, or null when it is beyond {@link #MAX}. */
  private static Duration compute(String text) {
    long seconds = 0;
    long nanos = 0;
    boolean time = false;
    int i = 1;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == 'T') {
        time = true;
        i++;
        continue;
      }
      int start = i;
      while (isDigit(text.charAt(i))) {
        i++;
      }
      String digits = text.substring(start, i);
      String fraction = "";
      if (text.charAt(i) == '.') {
        int fractionStart = ++i;
        while (isDigit(text.charAt(i))) {
          i++;
        }
        fraction = text.substring(fractionStart, i);
      }
      char unit = text.charAt(i++);
      // MAX is 8.64e10 s, so any number of 12 or more digits (after leading zeros) is too long.
      String significant = digits.replaceFirst("^0+(?=\\d)", "");
      if (significant.length() > 11) {
        return null;
      }
      long amount = Long.parseLong(significant);
      long unitSeconds =
          switch (unit) {
            case 'W' -> 7 * 86_400L;
            case 'D' -> 86_400L;
            case 'H' -> time ? 3_600L : 0;
            case 'M' -> time ? 60L : 0;
            case 'S' -> 1L;
            default -> 0;
          };
      seconds += amount * unitSeconds; // at most 11 digits times 604,800: no overflow
      if (seconds > MAX.getSeconds()) {
        return null;
      }
      if (!fraction.isEmpty()) {
        nanos = Long.parseLong((fraction + "000000000").substring(0, 9));
      }
    }
    return Duration.ofSeconds(seconds, nanos);
  }
}
