package io.leadscore.domain.reading;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading user input: the value, or every problem found (never both, never an empty
 * problem list). Input with any problem is rejected whole.
 *
 * @param <T> what was read
 */
public sealed interface Read<T> {

  /** The input was valid. */
  record Valid<T>(T value) implements Read<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The input had these problems, in the order they were found (document order). */
  record Invalid<T>(List<Problem> problems) implements Read<T> {
    public Invalid {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("problems: must not be empty");
      }
    }
  }
}
