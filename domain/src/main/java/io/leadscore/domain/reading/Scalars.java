package io.leadscore.domain.reading;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads scalars (strings, numbers, booleans) out of an input tree, reporting what was expected when
 * the value is anything else. Numbers are the JDK types JSON and YAML parsers give; any other
 * object, including a {@link Boolean}, is not a number. Never throws.
 */
final class Scalars {
  private Scalars() {}

  /** Model, rule, topic and tier ids (scoring-model.md, "Document"). */
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** Event types: lower-case dotted names of at least two {@code [a-z0-9_-]+} segments. */
  static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_-]+(?:\\.[a-z0-9_-]+)+");

  /** A key as printed in a path; a non-string key is described, never converted with toString. */
  static String describeKey(Object key) {
    return switch (key) {
      case null -> "null";
      case String text -> StoredText.printable(text);
      case Boolean bool -> bool.toString();
      case Integer number -> number.toString();
      case Long number -> number.toString();
      case BigInteger number -> number.bitLength() < 200 ? number.toString() : "<big integer>";
      default -> "<" + key.getClass().getSimpleName() + ">";
    };
  }

  /** Whether the value is a number of a type JSON and YAML parsers give. */
  static boolean isNumber(Object node) {
    return node instanceof Integer
        || node instanceof Long
        || node instanceof Short
        || node instanceof Byte
        || node instanceof BigInteger
        || node instanceof Double
        || node instanceof Float
        || node instanceof BigDecimal;
  }

  /**
   * The number as a double; infinite when beyond double range. Very large or very small big numbers
   * are decided from their size, without converting all their digits.
   */
  static double toDouble(Object number) {
    return switch (number) {
      case BigInteger big ->
          big.bitLength() > 1100 ? big.signum() * Double.POSITIVE_INFINITY : big.doubleValue();
      case BigDecimal big -> {
        if (big.signum() == 0) {
          yield 0;
        }
        long exponent = (long) big.precision() - big.scale() - 1;
        if (exponent > 400) {
          yield big.signum() * Double.POSITIVE_INFINITY;
        }
        if (exponent < -400) {
          yield big.signum() * 0.0;
        }
        yield big.doubleValue();
      }
      case Number other -> other.doubleValue();
      default -> Double.NaN;
    };
  }

  /** A finite JSON number (not a string, not a boolean), or null after a problem. */
  static Double finiteNumber(Object node, TreePath path, ProblemList problems) {
    if (!isNumber(node)) {
      problems.add(path, "must be a number");
      return null;
    }
    double value = toDouble(node);
    if (!Double.isFinite(value)) {
      problems.add(path, "must be a finite number");
      return null;
    }
    return value;
  }

  /**
   * An integer {@code >= 1} that fits an int. Integral doubles ({@code 2.0}) are accepted as
   * integers, as YAML and some JSON writers produce them; {@code 2.5} is not.
   */
  static Integer positiveInt(Object node, TreePath path, ProblemList problems) {
    BigDecimal exact = exactValue(node);
    if (exact == null
        || exact.signum() <= 0
        || exact.compareTo(BigDecimal.ONE) < 0
        || (exact.compareTo(MAX_INT) <= 0 && exact.stripTrailingZeros().scale() > 0)) {
      problems.add(path, "must be an integer >= 1");
      return null;
    }
    if (exact.compareTo(MAX_INT) > 0) {
      problems.add(path, "must be at most " + Integer.MAX_VALUE);
      return null;
    }
    return exact.intValueExact();
  }

  private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);

  /** The exact value of a finite number, or null for anything else. */
  private static BigDecimal exactValue(Object node) {
    return switch (node) {
      case Integer number -> BigDecimal.valueOf(number);
      case Long number -> BigDecimal.valueOf(number);
      case Short number -> BigDecimal.valueOf(number);
      case Byte number -> BigDecimal.valueOf(number);
      case BigInteger number -> new BigDecimal(number);
      case BigDecimal number -> number;
      case Double number -> Double.isFinite(number) ? new BigDecimal(number) : null;
      case Float number -> Float.isFinite(number) ? new BigDecimal(number) : null;
      case null, default -> null;
    };
  }

  /** A string both databases store as it is ({@link StoredText}), or null after a problem. */
  static String string(Object node, TreePath path, ProblemList problems) {
    if (node instanceof String text) {
      return StoredText.check(text, path, problems) ? text : null;
    }
    problems.add(path, "must be a string");
    return null;
  }

  /** A non-empty string, or null after a problem. */
  static String nonEmptyString(Object node, TreePath path, ProblemList problems) {
    String text = string(node, path, problems);
    if (text != null && text.isEmpty()) {
      problems.add(path, "must not be empty");
      return null;
    }
    return text;
  }

  /**
   * A non-empty string of at most {@code max} characters, or null after a problem. Identifier-like
   * text is bounded because it is stored and indexed (PostgreSQL refuses an index entry over about
   * 2,700 bytes, which would fail every later write of scores, not the one that brought it).
   */
  static String boundedString(Object node, TreePath path, ProblemList problems, int max) {
    String text = nonEmptyString(node, path, problems);
    if (text != null && text.length() > max) {
      problems.add(path, "must be at most " + max + " characters");
      return null;
    }
    return text;
  }

  /** The node as a non-empty list, or null with a problem at {@code path}. */
  static List<?> nonEmptyList(Object node, TreePath path, ProblemList problems) {
    if (!(node instanceof List<?> list)) {
      problems.add(path, "must be a list");
      return null;
    }
    if (list.isEmpty()) {
      problems.add(path, "must not be empty");
      return null;
    }
    return list;
  }

  /** A model, rule, topic or tier id ({@code [a-z0-9][a-z0-9-]{0,62}}), or null after a problem. */
  static String id(Object node, TreePath path, ProblemList problems) {
    String text = string(node, path, problems);
    if (text != null && !ID.matcher(text).matches()) {
      problems.add(path, "must match " + ID.pattern());
      return null;
    }
    return text;
  }

  /** A boolean, or null after {@code must be true or false}. */
  static Boolean bool(Object node, TreePath path, ProblemList problems) {
    if (node instanceof Boolean bool) {
      return bool;
    }
    problems.add(path, "must be true or false");
    return null;
  }
}
