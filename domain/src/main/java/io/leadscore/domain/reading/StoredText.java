package io.leadscore.domain.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What text both databases store as it is (docs/api.md, "Limits"): no NUL character (U+0000:
 * PostgreSQL's text refuses it, and its jsonb refuses the {@code \u0000} escape) and no unpaired
 * UTF-16 surrogate (U+D800 to U+DFFF alone: not Unicode, so not UTF-8; the PostgreSQL driver would
 * silently store {@code ?} instead, making two different texts one). Every reader of input that is
 * stored checks its text here: event keys, types and properties, contact identities, attributes and
 * tags, models, sources and webhooks. Stateless and thread-safe.
 */
public final class StoredText {
  private StoredText() {}

  /** Why {@code text} cannot be stored as it is, or empty when it can. */
  public static Optional<String> problem(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return Optional.of("must not contain NUL (U+0000)");
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return Optional.of("must not contain an unpaired surrogate (U+D800 to U+DFFF)");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The text as it may be printed in a path or message: NUL and unpaired surrogates written as
   * {@code \\uXXXX} escapes, everything else as it is.
   */
  public static String printable(String text) {
    if (problem(text).isEmpty()) {
      return text;
    }
    var out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        out.append(c).append(text.charAt(++i));
      } else if (c == '\u0000' || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The problems of every key and string in a tree of maps and lists (a source's settings), each at
   * its path under {@code path} ({@code settings.apiKey}, {@code settings.lists[2]}).
   */
  public static List<Problem> problemsIn(Object tree, String path) {
    var problems = new ArrayList<Problem>();
    walk(tree, path, problems, 0);
    return problems;
  }

  /** Deeper trees than this are not walked further (the parsers already refuse them). */
  private static final int MAX_DEPTH = 256;

  private static void walk(Object node, String path, List<Problem> problems, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    switch (node) {
      case String text ->
          problem(text).ifPresent(message -> problems.add(new Problem(path, message)));
      case Map<?, ?> map -> {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          String key = Scalars.describeKey(entry.getKey());
          String at = (path.isEmpty() ? "" : path + ".") + printable(key);
          problem(key).ifPresent(message -> problems.add(new Problem(at, "key " + message)));
          walk(entry.getValue(), at, problems, depth + 1);
        }
      }
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          walk(list.get(i), path + "[" + i + "]", problems, depth + 1);
        }
      }
      case null, default -> {}
    }
  }

  /**
   * Reports a problem at {@code path} when {@code text} cannot be stored; true when it can.
   * (Reading-kit form of {@link #problem}.)
   */
  static boolean check(String text, TreePath path, ProblemList problems) {
    Optional<String> problem = problem(text);
    problem.ifPresent(message -> problems.add(path, message));
    return problem.isEmpty();
  }
}
