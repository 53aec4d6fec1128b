package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.leadscore.adapter.http.auth.InsufficientScopeException;
import io.leadscore.adapter.http.auth.TooManyFailuresException;
import io.leadscore.application.logging.LogSafe;
import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.TooLargeException;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.in.UnreadableDocumentException;
import io.leadscore.application.port.out.StorageUnavailableException;
import io.leadscore.domain.reading.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} answer (http-api.md,
 * "Errors"): the one place that maps a use case's exception to a status. Bad input is a 4xx listing
 * every problem with its path; a database that is down is 503 with {@code Retry-After}; anything
 * unforeseen is a 500 that names only an incident id, which the log carries with the stack trace.
 * Thread-safe.
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  /** The {@code application/problem+json} content type. */
  public static final String CONTENT_TYPE = "application/problem+json";

  private final Duration retryAfter;

  public Problems(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  /** Writes the answer for {@code failure}. */
  public void render(Throwable failure, Context ctx) {
    ProblemResponse problem = problemFor(failure, ctx);
    ctx.status(problem.status());
    ctx.contentType(CONTENT_TYPE);
    ctx.result(Json.write(problem));
  }

  private ProblemResponse problemFor(Throwable failure, Context ctx) {
    return switch (failure) {
      case BadRequestException e ->
          of(400, "bad-request", "Bad request", e.getMessage(), e.problems());
      case UnreadableDocumentException e ->
          of(
              400,
              "unreadable",
              "Unreadable body",
              e.getMessage(),
              List.of(new Problem("", e.getMessage())));
      case IncompleteBodyException e ->
          of(408, "incomplete-body", "Request timeout", e.getMessage(), List.of());
      case InvalidInputException e ->
          of(
              422,
              "invalid",
              "Invalid input",
              e.problems().size() + " problem(s) in the request",
              e.problems());
      case UnauthenticatedException e -> {
        if (!ctx.path().startsWith("/v1/hooks/")) {
          ctx.header("WWW-Authenticate", "Bearer"); // hooks use their source's secret instead
        }
        yield of(401, "unauthenticated", "Unauthenticated", e.getMessage(), List.of());
      }
      case TooManyFailuresException e -> {
        ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        yield of(429, "too-many-failures", "Too many requests", e.getMessage(), List.of());
      }
      case InsufficientScopeException e ->
          of(403, "forbidden", "Forbidden", e.getMessage(), List.of());
      case NotFoundException e -> of(404, "not-found", "Not found", e.getMessage(), List.of());
      case ConflictException e -> of(409, "conflict", "Conflict", e.getMessage(), List.of());
      case TooLargeException e ->
          of(413, "too-large", "Content too large", e.getMessage(), List.of());
      case OverloadedException e -> {
        ctx.header("Retry-After", Long.toString(retryAfter.toSeconds()));
        yield of(
            e.status(),
            e.status() == 429 ? "too-many-requests" : "overloaded",
            e.status() == 429 ? "Too many requests" : "Service unavailable",
            e.getMessage(),
            List.of());
      }
      case StorageUnavailableException e -> {
        LOG.warn(
            "database unavailable for {} {}: {}",
            ctx.method(),
            LogSafe.text(ctx.path()),
            LogSafe.classes(e));
        ctx.header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        yield of(
            503,
            "unavailable",
            "Service unavailable",
            "the database is unavailable; nothing was stored; retry later",
            List.of());
      }
      case HttpResponseException e -> {
        String title = io.javalin.http.HttpStatus.forStatus(e.getStatus()).getMessage();
        yield of(
            e.getStatus(),
            title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
            title,
            e.getMessage(),
            List.of());
      }
      case StackOverflowError e ->
          of(400, "bad-request", "Bad request", "the body is nested too deeply", List.of());
      default -> {
        String incident = UUID.randomUUID().toString();
        // the failure without its messages: JDBI's carry bound values (secrets, e-mails)
        LOG.error(
            "incident {} on {} {}",
            incident,
            ctx.method(),
            LogSafe.text(ctx.path()),
            LogSafe.failure(failure));
        yield of(
            500,
            "internal",
            "Internal error",
            "an unexpected error occurred; incident " + incident,
            List.of());
      }
    };
  }

  /**
   * The most problems one answer lists: a hostile document can hold a problem per byte (100,000
   * unknown keys), and listing them all would answer megabytes; the rest are counted in one last
   * entry at path {@code ""}.
   */
  static final int MAX_LISTED = 100;

  private static ProblemResponse of(
      int status, String slug, String title, String detail, List<Problem> problems) {
    var errors = new ArrayList<ProblemResponse.Error>(Math.min(problems.size(), MAX_LISTED) + 1);
    problems.stream()
        .limit(MAX_LISTED)
        .forEach(p -> errors.add(new ProblemResponse.Error(p.path(), p.message())));
    if (problems.size() > MAX_LISTED) {
      errors.add(
          new ProblemResponse.Error(
              "", (problems.size() - MAX_LISTED) + " more problem(s) not listed"));
    }
    return new ProblemResponse("urn:leadscore:problem:" + slug, title, status, detail, errors);
  }
}
