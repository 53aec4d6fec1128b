package io.leadscore.adapter.http.api;

import io.leadscore.domain.reading.Problem;
import java.util.List;

/**
 * The request itself cannot be understood (400): a malformed JSON body, a query parameter of the
 * wrong form. Carries every problem with its path (a body path, or the parameter's name).
 */
public final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public BadRequestException(String detail, List<Problem> problems) {
    super(detail);
    this.problems = List.copyOf(problems);
  }

  /** One problem at one path. */
  public static BadRequestException at(String path, String message) {
    return new BadRequestException(message, List.of(new Problem(path, message)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
