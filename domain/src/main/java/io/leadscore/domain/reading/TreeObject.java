package io.leadscore.domain.reading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One object (map) of an input tree, seen through its string keys in document order. Reads
 * the map's entries once, so a hostile map is never asked for anything else. Not thread-safe.
 */
final class TreeObject {
  /** Reads one value at a path; returns null after reporting a problem. */
  @FunctionalInterface
  interface FieldReader<T> {
    T read(Object node, TreePath path);
  }

  private final TreePath path;
  private final ProblemList problems;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Integer> ordinals = new LinkedHashMap<>();
  private final Map<Object, Integer> otherKeys = new LinkedHashMap<>();

  private TreeObject(Map<?, ?> map, TreePath path, ProblemList problems) {
    this.path = path;
    this.problems = problems;
    int ordinal = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey() instanceof String key) {
        values.putIfAbsent(key, entry.getValue());
        ordinals.putIfAbsent(key, ordinal);
      } else {
        otherKeys.put(new IdentityKey(entry.getKey()), ordinal);
      }
      ordinal++;
    }
  }

  /** Wraps identity so a non-string key is never hashed or compared (it may be a cyclic map). */
  private record IdentityKey(Object key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof IdentityKey that && that.key == key;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(key);
    }
  }

  /** The object at {@code path}, or null after reporting {@code must be an object}. */
  static TreeObject of(Object node, TreePath path, ProblemList problems) {
    if (node instanceof Map<?, ?> map) {
      return new TreeObject(map, path, problems);
    }
    problems.add(path, "must be an object");
    return null;
  }

  TreePath path() {
    return path;
  }

  boolean has(String key) {
    return ordinals.containsKey(key);
  }

  Object get(String key) {
    return values.get(key);
  }

  /** The path of {@code key}: where it is, or where it would be (after every entry) if absent. */
  TreePath at(String key) {
    Integer ordinal = ordinals.get(key);
    return path.key(key, ordinal == null ? TreePath.ABSENT : ordinal);
  }

  /** The string keys in document order. */
  Set<String> keys() {
    return ordinals.keySet();
  }

  /** Reports every key not in {@code known} (and every non-string key) with {@code message}. */
  void rejectUnknown(Set<String> known, String message) {
    for (Map.Entry<String, Integer> entry : ordinals.entrySet()) {
      if (!known.contains(entry.getKey())) {
        problems.add(path.key(entry.getKey(), entry.getValue()), message);
      }
    }
    for (Map.Entry<Object, Integer> entry : otherKeys.entrySet()) {
      Object key = ((IdentityKey) entry.getKey()).key();
      problems.add(path.key(Scalars.describeKey(key), entry.getValue()), message);
    }
  }

  /** Reads a key that must be present; reports {@code required} when it is not. */
  <T> T required(String key, FieldReader<T> reader) {
    if (!has(key)) {
      problems.add(at(key), "required");
      return null;
    }
    return reader.read(get(key), at(key));
  }

  /** Reads an optional key: {@code absent} when it is not there, null when it is there but bad. */
  <T> T optional(String key, FieldReader<T> reader, T absent) {
    if (!has(key)) {
      return absent;
    }
    return reader.read(get(key), at(key));
  }
}
