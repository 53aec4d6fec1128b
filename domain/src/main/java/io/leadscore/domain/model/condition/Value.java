package io.leadscore.domain.model.condition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A value held by a contact attribute or an event property: text, a finite number, a boolean or a
 * list of those (scoring-model.md, "Numbers and text" and "Missing and lists"). A missing value, or
 * one holding null, is simply absent from its map: there is no null value.
 */
public sealed interface Value {

  /** A single value (not a list): it has a text form and may read as a number. */
  sealed interface Scalar extends Value {
    /** The text form: numbers without a decimal point when integral, booleans "true"/"false". */
    String text();

    /** The number this value reads as, or {@code NaN} when it does not read as one. */
    double numberOrNaN();
  }

  /** Text as given; reads as a number when it is a plain decimal literal ("50", "-1.5e3"). */
  record Text(String value) implements Scalar {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String text() {
      return value;
    }

    /** Parsed on each call: cheap, since text that is not a number fails on its first character. */
    @Override
    public double numberOrNaN() {
      return DecimalLiteral.parseOrNaN(value);
    }
  }

  /** A finite number (JSON numbers are read as IEEE doubles). */
  record Number(double value) implements Scalar {
    public Number {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("value: must be finite, was " + value);
      }
    }

    @Override
    public String text() {
      return textOf(value);
    }

    @Override
    public double numberOrNaN() {
      return value;
    }
  }

  /** A boolean; its text form is "true" or "false" and it never reads as a number. */
  record Bool(boolean value) implements Scalar {
    @Override
    public String text() {
      return Boolean.toString(value);
    }

    @Override
    public double numberOrNaN() {
      return Double.NaN;
    }
  }

  /** A list of scalars; nested lists are flattened and nulls dropped when values are read. */
  record Many(List<Scalar> values) implements Value {
    public Many {
      values = List.copyOf(values);
    }
  }

  /**
   * The text form of a number: no decimal point when integral ({@code 50.0 -> "50"}), else
   * shortest.
   */
  static String textOf(double number) {
    if (number == 0) {
      return "0";
    }
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  /**
   * Converts a plain Java value, as parsed from JSON or YAML (String, Number, Boolean, List), into
   * a Value; returns null for null, an empty list stays an empty {@link Many}. Nested maps are not
   * values: callers flatten them into dotted field names first ({@link Values#flatten}).
   *
   * @throws IllegalArgumentException for anything else, or a non-finite number
   */
  static Value of(Object plain) {
    return switch (plain) {
      case null -> null;
      case Value value -> value;
      case String text -> new Text(text);
      case Boolean bool -> new Bool(bool);
      case java.lang.Number number -> new Number(number.doubleValue());
      case List<?> list -> {
        var scalars = new ArrayList<Scalar>(list.size());
        flattenInto(list, scalars);
        yield new Many(scalars);
      }
      default ->
          throw new IllegalArgumentException(
              "not a value (text, number, boolean or list): " + plain.getClass().getSimpleName());
    };
  }

  private static void flattenInto(List<?> list, List<Scalar> into) {
    for (Object element : list) {
      if (element instanceof List<?> nested) {
        flattenInto(nested, into);
      } else if (element != null) {
        if (Value.of(element) instanceof Scalar scalar) {
          into.add(scalar);
        }
      }
    }
  }
}
