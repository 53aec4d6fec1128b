package io.leadscore.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds input trees as JSON and YAML parsers give them, and reads outcomes, for reader tests. */
final class Trees {
  private Trees() {}

  /** A LinkedHashMap from alternating keys and values (values may be null). */
  static Map<String, Object> map(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A mutable list that may hold nulls. */
  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  /** A copy of {@code base} with {@code key} set (or replaced) to {@code value}, keeping order. */
  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    var copy = new LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  /** The problems of an outcome as {@code path: message} lines; fails when it is valid. */
  static List<String> problems(Read<?> read) {
    assertThat(read).isInstanceOf(Read.Invalid.class);
    return ((Read.Invalid<?>) read).problems().stream().map(Problem::toString).toList();
  }

  /** The value of an outcome; fails, showing the problems, when it is invalid. */
  static <T> T valid(Read<T> read) {
    if (read instanceof Read.Invalid<T>(List<Problem> problems)) {
      throw new AssertionError("expected valid, got " + problems);
    }
    return ((Read.Valid<T>) read).value();
  }

  /** A minimal valid model: just an id. */
  static Map<String, Object> model(Object... keysAndValues) {
    var model = map("id", "m");
    model.putAll(map(keysAndValues));
    return model;
  }

  /** A valid engagement rule with the given keys added or replaced. */
  static Map<String, Object> engagement(Object... keysAndValues) {
    var rule = map("id", "r", "points", 1, "on", "email.clicked");
    rule.putAll(map(keysAndValues));
    return rule;
  }

  /** A valid fit rule with the given predicate. */
  static Map<String, Object> fit(Object when) {
    return map("id", "f", "points", 1, "when", when);
  }

  /** The problems of a model holding one fit rule with this {@code when}. */
  static List<String> whenProblems(Object when) {
    return problems(ModelReader.read(model("fit", list(fit(when)))));
  }

  /** The problems of a model holding one engagement rule with these keys. */
  static List<String> engagementProblems(Object... keysAndValues) {
    return problems(ModelReader.read(model("engagement", list(engagement(keysAndValues)))));
  }
}
