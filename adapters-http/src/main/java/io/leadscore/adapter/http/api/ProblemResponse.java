package io.leadscore.adapter.http.api;

import java.util.List;

/**
 * An RFC 9457 problem: {@code { "type", "title", "status", "detail", "errors": [ { "path",
 * "message" } ] }}, where {@code path} names the field ({@code engagement[2].decay.halfLife}), a
 * query parameter, or is empty for the whole body.
 */
public record ProblemResponse(
    String type, String title, int status, String detail, List<Error> errors) {
  public ProblemResponse {
    errors = List.copyOf(errors);
  }

  /** One problem at one path. */
  public record Error(String path, String message) {}
}
