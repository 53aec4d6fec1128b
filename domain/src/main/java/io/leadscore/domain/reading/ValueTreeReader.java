package io.leadscore.domain.reading;

import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.model.condition.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain object of values (event properties, contact attributes) into the flat field map
 * conditions test, via {@link Values#flatten}: nested objects become dotted names. Checks the tree
 * first, so every problem has its path: values must be strings, finite numbers, booleans, nulls
 * (dropped, as missing), lists of those (nested lists flatten), or objects; keys strings; two
 * entries may not flatten to the same name ({@code {"a.b": 1, "a": {"b": 2}}}); nesting is limited
 * to {@value #MAX_DEPTH} levels. Keys and text are what both databases store ({@link StoredText}),
 * and together at most {@value #MAX_TEXT} characters: the most text one event's properties or one
 * contact's attributes hold (docs/api.md, "Limits").
 */
final class ValueTreeReader {
  private ValueTreeReader() {}

  static final int MAX_DEPTH = 32;

  /** The most characters of keys and text values in one object of values (1 Mi). */
  static final int MAX_TEXT = 1 << 20;

  /** The flattened values, or null after reporting problems. */
  static Map<String, Value> read(Object node, TreePath path, ProblemList problems) {
    if (!(node instanceof Map<?, ?> map)) {
      problems.add(path, "must be an object");
      return null;
    }
    int before = problems.size();
    var size = new long[1];
    checkObject(map, path, "", new HashSet<>(), 1, problems, size);
    if (size[0] > MAX_TEXT) {
      problems.add(
          path, "too much text (at most " + MAX_TEXT + " characters of keys and text values)");
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      @SuppressWarnings("unchecked") // checked above: every key is a string
      var plain = (Map<String, ?>) map;
      return Values.flatten(plain);
    } catch (IllegalArgumentException e) {
      problems.add(path, "not a value: " + e.getMessage());
      return null;
    }
  }

  private static void checkObject(
      Map<?, ?> map,
      TreePath path,
      String prefix,
      Set<String> names,
      int depth,
      ProblemList problems,
      long[] size) {
    int ordinal = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      Object key = entry.getKey();
      if (!(key instanceof String name)) {
        problems.add(path.key(Scalars.describeKey(key), ordinal++), "key must be a string");
        continue;
      }
      TreePath at = path.key(StoredText.printable(name), ordinal++);
      StoredText.problem(name).ifPresent(message -> problems.add(at, "key " + message));
      size[0] += name.length();
      Object value = entry.getValue();
      String flatName = prefix + name;
      if (value instanceof Map<?, ?> nested) {
        if (depth >= MAX_DEPTH) {
          problems.add(at, "nested too deeply (at most " + MAX_DEPTH + " levels)");
        } else {
          checkObject(nested, at, flatName + ".", names, depth + 1, problems, size);
        }
        continue;
      }
      if (value != null && !names.add(flatName)) {
        problems.add(
            at,
            "duplicate name '"
                + StoredText.printable(flatName)
                + "' once nested names are joined with dots");
      }
      checkValue(value, at, depth, problems, size);
    }
  }

  private static void checkValue(
      Object value, TreePath at, int depth, ProblemList problems, long[] size) {
    if (value instanceof String text) {
      StoredText.check(text, at, problems);
      size[0] += text.length();
      return;
    }
    if (value == null || value instanceof Boolean) {
      return;
    }
    if (Scalars.isNumber(value)) {
      Scalars.finiteNumber(value, at, problems);
      return;
    }
    if (value instanceof List<?> list) {
      if (depth >= MAX_DEPTH) {
        problems.add(at, "nested too deeply (at most " + MAX_DEPTH + " levels)");
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        if (element instanceof Map<?, ?>) {
          problems.add(at.index(i), "must be a string, number, boolean or list (not an object)");
        } else {
          checkValue(element, at.index(i), depth + 1, problems, size);
        }
      }
      return;
    }
    problems.add(at, "must be a string, number, boolean, list or object");
  }
}
