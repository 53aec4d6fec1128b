package io.leadscore.domain.model.condition;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The size of a regex's compiled program, estimated from its text: model validation caps it, and
 * the scoring engine charges it, times the length of the text, to a {@link RegexBudget}.
 */
public final class RegexSize {
  private RegexSize() {}

  /** A group being scanned: the size of its content so far and of its last repeatable item. */
  private static final class Group {
    long total;
    long last;
  }

  private static final long CEILING = 1L << 40;

  /**
   * Over-estimates the number of instructions the pattern compiles to: every character, class or
   * escape counts 1, a group its content plus 1, and {@code x{n,m}} counts {@code x} times {@code
   * max(n, m) + 1}. Linear in the text; never throws.
   */
  public static long of(String regex) {
    Deque<Group> stack = new ArrayDeque<>();
    Group current = new Group();
    int n = regex.length();
    int i = 0;
    while (i < n) {
      char c = regex.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
            int end = regex.indexOf("\\E", i + 2);
            int stop = end < 0 ? n : end;
            for (int k = i + 2; k < stop; k++) {
              atom(current, 1);
            }
            i = end < 0 ? n : end + 2;
          } else {
            i = skipEscape(regex, i);
            atom(current, 1);
          }
        }
        case '[' -> {
          i = skipClass(regex, i);
          atom(current, 1);
        }
        case '(' -> {
          stack.push(current);
          current = new Group();
          i++;
        }
        case ')' -> {
          if (!stack.isEmpty()) {
            long inner = current.total + 1;
            current = stack.pop();
            atom(current, inner);
          }
          i++;
        }
        case '{' -> {
          int close = repeatEnd(regex, i);
          if (close < 0) {
            atom(current, 1);
            i++;
          } else {
            long times = repeatCount(regex, i + 1, close) + 1;
            long repeated = Math.min(CEILING, current.last * times);
            current.total = Math.min(CEILING, current.total - current.last + repeated);
            current.last = repeated;
            i = close + 1;
          }
        }
        case '|' -> {
          current.total = Math.min(CEILING, current.total + 1);
          current.last = 0;
          i++;
        }
        default -> {
          atom(current, 1);
          i++;
        }
      }
    }
    long total = current.total;
    while (!stack.isEmpty()) {
      total = Math.min(CEILING, total + stack.pop().total);
    }
    return total;
  }

  private static void atom(Group group, long size) {
    group.total = Math.min(CEILING, group.total + size);
    group.last = size;
  }

  /** The index after an escape starting at {@code i} (a backslash), including {@code \p{..}}. */
  private static int skipEscape(String regex, int i) {
    int n = regex.length();
    if (i + 1 >= n) {
      return n;
    }
    char kind = regex.charAt(i + 1);
    if ((kind == 'p' || kind == 'P' || kind == 'x') && i + 2 < n && regex.charAt(i + 2) == '{') {
      int close = regex.indexOf('}', i + 3);
      return close < 0 ? n : close + 1;
    }
    return i + 2;
  }

  /** The index after a character class starting at {@code i} (a {@code [}). */
  private static int skipClass(String regex, int i) {
    int n = regex.length();
    int k = i + 1;
    if (k < n && regex.charAt(k) == '^') {
      k++;
    }
    if (k < n && regex.charAt(k) == ']') {
      k++;
    }
    while (k < n) {
      char c = regex.charAt(k);
      if (c == '\\') {
        k = skipEscape(regex, k);
      } else if (c == '[' && k + 1 < n && regex.charAt(k + 1) == ':') {
        int close = regex.indexOf(":]", k + 2);
        k = close < 0 ? k + 1 : close + 2;
      } else if (c == ']') {
        return k + 1;
      } else {
        k++;
      }
    }
    return n;
  }

  /**
   * The index of the {@code }} closing a repeat {@code {n}}, {@code {n,}} or {@code {n,m}} at i, or
   * -1.
   */
  private static int repeatEnd(String regex, int i) {
    int n = regex.length();
    int k = i + 1;
    int digits = 0;
    while (k < n && regex.charAt(k) >= '0' && regex.charAt(k) <= '9') {
      k++;
      digits++;
    }
    if (digits == 0 || k >= n) {
      return -1;
    }
    if (regex.charAt(k) == ',') {
      k++;
      while (k < n && regex.charAt(k) >= '0' && regex.charAt(k) <= '9') {
        k++;
      }
    }
    return k < n && regex.charAt(k) == '}' ? k : -1;
  }

  /** The largest count of a repeat between {@code from} and {@code close}, capped. */
  private static long repeatCount(String regex, int from, int close) {
    long max = 0;
    long current = 0;
    for (int k = from; k < close; k++) {
      char c = regex.charAt(k);
      if (c == ',') {
        max = Math.max(max, current);
        current = 0;
      } else {
        current = Math.min(CEILING, current * 10 + (c - '0'));
      }
    }
    return Math.max(max, current);
  }
}
