package io.leadscore.domain.model.condition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the plain maps that JSON or YAML give into the value maps that conditions test. */
public final class Values {
  private Values() {}

  /**
   * Flattens a plain map into field values: nested maps become dotted names ({@code {"utm":
   * {"source": "x"}}} gives {@code utm.source}), nulls are dropped (missing).
   *
   * @throws IllegalArgumentException when a value is not text, a number, a boolean, a list or a map
   */
  public static Map<String, Value> flatten(Map<String, ?> plain) {
    var out = new LinkedHashMap<String, Value>();
    flattenInto("", plain, out);
    return Map.copyOf(out);
  }

  private static void flattenInto(String prefix, Map<String, ?> plain, Map<String, Value> out) {
    for (var entry : plain.entrySet()) {
      String name = prefix + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        var nestedMap = (Map<String, ?>) nested;
        flattenInto(name + ".", nestedMap, out);
      } else if (value instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance)) {
        throw new IllegalArgumentException(name + ": a list of objects is not a value");
      } else {
        Value converted = Value.of(value);
        if (converted != null) {
          out.put(name, converted);
        }
      }
    }
  }
}
