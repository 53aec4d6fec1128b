package io.leadscore.domain.reading;

import com.google.re2j.Pattern;
import io.leadscore.domain.model.condition.RegexSize;

/**
 * Checks and compiles a {@code matches} operand (scoring-model.md, "Regex"): RE2 syntax as RE2/J
 * accepts it, at most {@value #MAX_LENGTH} characters.
 *
 * <p>RE2/J expands counted repetitions when it compiles, without a size limit: {@code
 * ((a{1000}){1000}){1000}} exhausts any heap. So before compiling, the size of the expanded pattern
 * is estimated from its text (each counted repetition multiplies what it repeats) and a pattern
 * beyond {@value #MAX_EXPANDED} is rejected. The estimate only ever over-counts.
 */
final class RegexCheck {
  private RegexCheck() {}

  static final int MAX_LENGTH = 512;
  static final long MAX_EXPANDED = 10_000;

  /** The compiled pattern, or null after reporting a problem at {@code path}. */
  static Pattern compile(String regex, TreePath path, ProblemList problems) {
    if (regex.length() > MAX_LENGTH) {
      problems.add(path, "must be at most " + MAX_LENGTH + " characters");
      return null;
    }
    if (expandedSize(regex) > MAX_EXPANDED) {
      problems.add(
          path, "not a valid RE2 regular expression: repetitions expand beyond " + MAX_EXPANDED);
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (com.google.re2j.PatternSyntaxException e) {
      problems.add(path, "not a valid RE2 regular expression: " + e.getDescription());
      return null;
    } catch (RuntimeException e) {
      // RE2/J documents only PatternSyntaxException; anything else still means "not valid here".
      problems.add(path, "not a valid RE2 regular expression: " + e.getClass().getSimpleName());
      return null;
    }
  }

  /** See {@link RegexSize#of}. */
  static long expandedSize(String regex) {
    return RegexSize.of(regex);
  }
}
