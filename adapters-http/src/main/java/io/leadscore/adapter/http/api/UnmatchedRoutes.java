package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers requests no route matched, as problems like every other error: 405 with {@code Allow}
 * when the path exists under other methods, else 404. Registered for every method on {@link
 * #ANY_PATH} after the real routes, so those always match first. Thread-safe.
 */
final class UnmatchedRoutes {
  /** Javalin's path that matches any path, slashes included. */
  static final String ANY_PATH = "/<path>";

  /** The methods the catch-all is registered for. */
  static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.HEAD,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.DELETE,
          HandlerType.PATCH,
          // no route answers these; without the catch-all Javalin gives its own 404 (not a problem)
          HandlerType.OPTIONS,
          HandlerType.TRACE);

  private record Template(Pattern path, String method) {}

  private final List<Template> templates;
  private final Problems problems;

  UnmatchedRoutes(List<Route> routes, Problems problems) {
    this.templates =
        routes.stream()
            .flatMap(
                route ->
                    route.method().equals("GET")
                        ? java.util.stream.Stream.of(
                            new Template(pattern(route.path()), "GET"),
                            new Template(pattern(route.path()), "HEAD"))
                        : java.util.stream.Stream.of(
                            new Template(pattern(route.path()), route.method())))
            .toList();
    this.problems = problems;
  }

  /** {@code /v1/models/{id}} as a pattern matching {@code /v1/models/anything-but-a-slash}. */
  private static Pattern pattern(String template) {
    return Pattern.compile(
        Arrays.stream(template.split("/", -1))
            .map(segment -> segment.startsWith("{") ? "[^/]+" : Pattern.quote(segment))
            .collect(Collectors.joining("/")));
  }

  void answer(Context ctx) {
    var allowed = new TreeSet<String>();
    for (Template template : templates) {
      if (template.path().matcher(ctx.path()).matches()) {
        allowed.add(template.method());
      }
    }
    if (allowed.isEmpty()) {
      problems.render(new NotFoundResponse("no such route: " + ctx.path()), ctx);
    } else {
      ctx.header("Allow", String.join(", ", allowed));
      problems.render(
          new MethodNotAllowedResponse(
              ctx.method().name() + " is not allowed on " + ctx.path() + "; allowed: " + allowed),
          ctx);
    }
  }
}
