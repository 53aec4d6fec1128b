package io.leadscore.domain.model.condition;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@code field} predicate asks of one field's value (scoring-model.md, "Predicates"). A
 * missing field (null) never passes, except {@link Exists} with {@code false}. A list-valued field
 * passes when any element passes; an empty list passes nothing but {@code exists: true}.
 */
public sealed interface FieldTest {

  /**
   * Whether the value passes, on a fresh {@link RegexBudget}; {@code value} is null when the field
   * is missing.
   */
  default boolean test(Value value) {
    return test(value, new RegexBudget());
  }

  /** Whether the value passes, charging any regex matching to {@code budget}. */
  default boolean test(Value value, RegexBudget budget) {
    // instanceof rather than a pattern switch: this runs per event per rule, and the JIT
    // turns these checks into a class compare
    if (value instanceof Value.Scalar scalar) {
      return testScalar(scalar, budget);
    }
    if (value instanceof Value.Many many) {
      for (Value.Scalar element : many.values()) {
        if (testScalar(element, budget)) {
          return true;
        }
      }
    }
    return false; // missing
  }

  /** Whether one scalar passes. */
  boolean testScalar(Value.Scalar value, RegexBudget budget);

  /** {@code equals: V}: as numbers when both read as numbers, else case-insensitive text. */
  record Equals(Value.Scalar operand) implements FieldTest {
    public Equals {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public boolean testScalar(Value.Scalar value, RegexBudget budget) {
      return Comparison.equal(operand, value);
    }
  }

  /** {@code in: [V...]}: equals any of the operands. */
  record In(List<Value.Scalar> operands) implements FieldTest {
    public In {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean testScalar(Value.Scalar value, RegexBudget budget) {
      for (Value.Scalar operand : operands) {
        if (Comparison.equal(operand, value)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code contains: S}: the text form contains S, ignoring case. */
  record Contains(String needle) implements FieldTest {
    public Contains {
      Objects.requireNonNull(needle, "needle");
    }

    @Override
    public boolean testScalar(Value.Scalar value, RegexBudget budget) {
      return Comparison.containsIgnoreCase(value.text(), needle);
    }
  }

  /** {@code endsWith: S}: the text form ends with S, ignoring case (e-mail domains). */
  record EndsWith(String suffix) implements FieldTest {
    public EndsWith {
      Objects.requireNonNull(suffix, "suffix");
    }

    @Override
    public boolean testScalar(Value.Scalar value, RegexBudget budget) {
      String text = value.text();
      return text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length());
    }
  }

  /**
   * {@code matches: REGEX}: RE2 find anywhere in the first {@value #MAX_TEXT} characters of the
   * text form, as if they were the whole text (so {@code $} matches where a longer text is cut; a
   * match starting or ending beyond it does not count; a cut never splits a surrogate pair).
   * Matching costs the text's length times the pattern's size, so the cap bounds each match
   * (model-language.md, "Limits"). Each element of a list is cut on its own.
   *
   * <p>Each match is charged to the evaluation's {@link RegexBudget} before it runs: {@code size}
   * (the estimated program size, {@link RegexSize}) times the cut text's length plus one. A match
   * the budget refuses counts as no match.
   */
  record Matches(Pattern pattern, long size) implements FieldTest {
    /** How many characters of a value's text a regex sees. */
    public static final int MAX_TEXT = 10_000;

    public Matches {
      Objects.requireNonNull(pattern, "pattern");
      if (size < 1) {
        throw new IllegalArgumentException("size: must be positive");
      }
    }

    /** A match whose size is estimated from the pattern's text. */
    public Matches(Pattern pattern) {
      this(pattern, Math.max(1, RegexSize.of(pattern.pattern())));
    }

    @Override
    public boolean testScalar(Value.Scalar value, RegexBudget budget) {
      String text = head(value.text());
      // charged before matching, so a refused match costs nothing
      return budget.charge(size * (text.length() + 1L)) && pattern.matcher(text).find();
    }

    /** The first {@value #MAX_TEXT} characters, one fewer when that would split a pair. */
    static String head(String text) {
      if (text.length() <= MAX_TEXT) {
        return text;
      }
      int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
      return text.substring(0, end);
    }

    /** RE2/J patterns compare by identity; two Matches with the same source are equal. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Matches that
          && pattern.pattern().equals(that.pattern.pattern())
          && pattern.flags() == that.pattern.flags();
    }

    @Override
    public int hashCode() {
      return pattern.pattern().hashCode();
    }
  }

  /**
   * {@code between: [A, B]}, inclusive: the value is compared with each bound as numbers when both
   * read as numbers, else as lower-cased text (so ISO dates work).
   */
  record Between(Value.Scalar low, Value.Scalar high) implements FieldTest {
    public Between {
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }

    @Override
    public boolean testScalar(Value.Scalar value, RegexBudget budget) {
      return Comparison.compare(low, value) <= 0 && Comparison.compare(value, high) <= 0;
    }
  }

  /** {@code exists: true|false}: whether the field holds a value (an empty list exists). */
  record Exists(boolean expected) implements FieldTest {
    @Override
    public boolean test(Value value, RegexBudget budget) {
      return (value != null) == expected;
    }

    @Override
    public boolean testScalar(Value.Scalar value, RegexBudget budget) {
      return expected;
    }
  }

  /** The comparisons the spec defines between two scalars. */
  final class Comparison {
    private Comparison() {}

    static boolean equal(Value.Scalar a, Value.Scalar b) {
      double x = a.numberOrNaN();
      if (!Double.isNaN(x)) {
        double y = b.numberOrNaN();
        if (!Double.isNaN(y)) {
          return x == y;
        }
      }
      return a.text().equalsIgnoreCase(b.text());
    }

    /** Orders two scalars: as numbers when both read as numbers, else as lower-cased text. */
    public static int compare(Value.Scalar a, Value.Scalar b) {
      double x = a.numberOrNaN();
      if (!Double.isNaN(x)) {
        double y = b.numberOrNaN();
        if (!Double.isNaN(y)) {
          return Double.compare(x == 0 ? 0 : x, y == 0 ? 0 : y);
        }
      }
      return a.text().toLowerCase(Locale.ROOT).compareTo(b.text().toLowerCase(Locale.ROOT));
    }

    static boolean containsIgnoreCase(String haystack, String needle) {
      int max = haystack.length() - needle.length();
      for (int i = 0; i <= max; i++) {
        if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
          return true;
        }
      }
      return false;
    }
  }
}
