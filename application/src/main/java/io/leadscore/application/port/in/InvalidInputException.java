package io.leadscore.application.port.in;

import io.leadscore.domain.reading.Problem;
import java.util.List;

/**
 * Input that breaks the rules: every problem with its path. Nothing was written. Covers invalid
 * models, contacts and queries; per-event problems in a batch are reported in its result instead.
 */
public final class InvalidInputException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidInputException(String summary, List<Problem> problems) {
    super(summary + ": " + problems);
    this.problems = List.copyOf(problems);
    if (this.problems.isEmpty()) {
      throw new IllegalArgumentException("problems: must not be empty");
    }
  }

  /** One problem at one path. */
  public static InvalidInputException at(String path, String message) {
    return new InvalidInputException("invalid input", List.of(new Problem(path, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
