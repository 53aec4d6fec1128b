package io.leadscore.bootstrap.config;

import io.leadscore.domain.reading.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The configuration has problems; the message lists each with its key. */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidConfigException(List<Problem> problems) {
    super(
        "invalid configuration:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
