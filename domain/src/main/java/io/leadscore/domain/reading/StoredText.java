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
   * True when {@code text} holds a character a reader cannot see, checked by code point (so
   * characters outside the BMP count too): every format character (Unicode category Cf: zero-width,
   * bidirectional controls, tags U+E0001 to U+E007F), every default-ignorable code point (variation
   * selectors, U+034F, Hangul fillers, U+17B4), U+2800 (blank braille), and, when {@code
   * spacesToo}, every space separator but U+0020 (Zs, Zl, Zp: U+00A0, U+2007, U+2028...).
   * Identities and names holding them would look like others and be told apart.
   */
  public static boolean hasInvisible(String text, boolean spacesToo) {
    return text.codePoints()
        .anyMatch(
            c ->
                Character.getType(c) == Character.FORMAT
                    || isDefaultIgnorable(c)
                    || c == 0x2800
                    || (spacesToo && isSpace(c)));
  }

  /** A space separator other than the ordinary space U+0020 (which is visible as itself). */
  private static boolean isSpace(int c) {
    if (c == ' ') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt), which Java lacks. */
  private static boolean isDefaultIgnorable(int c) {
    return c == 0x00AD
        || c == 0x034F
        || c == 0x061C
        || (c >= 0x115F && c <= 0x1160)
        || (c >= 0x17B4 && c <= 0x17B5)
        || (c >= 0x180B && c <= 0x180F)
        || (c >= 0x200B && c <= 0x200F)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x206F)
        || c == 0x3164
        || (c >= 0xFE00 && c <= 0xFE0F)
        || c == 0xFEFF
        || c == 0xFFA0
        || (c >= 0xFFF0 && c <= 0xFFF8)
        || (c >= 0x1BCA0 && c <= 0x1BCA3)
        || (c >= 0x1D173 && c <= 0x1D17A)
        || (c >= 0xE0000 && c <= 0xE0FFF);
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
