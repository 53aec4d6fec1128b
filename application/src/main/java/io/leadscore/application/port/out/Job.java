package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Long work done in the background (a re-score after a publish, a vendor sync), claimed by one node
 * at a time (http-api.md, "Sources"). Immutable: updates make a new value.
 *
 * @param kind {@code rescore} or {@code sync}
 * @param subject what it works on: a model id for a re-score, a source id for a sync
 * @param done progress so far, out of {@code total} (0 while unknown)
 * @param counts named figures (pages, contacts, events, duplicates, rejected)
 * @param errors what went wrong, most recent last, at most 100
 */
public record Job(
    String id,
    String workspace,
    String kind,
    String subject,
    JobState state,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    long done,
    long total,
    Map<String, Long> counts,
    List<String> errors) {
  /** How many errors a job keeps: the most recent. */
  public static final int MAX_ERRORS = 100;

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    counts = Map.copyOf(counts);
    errors = List.copyOf(errors);
  }

  /** A new job, queued. */
  public static Job queued(String id, String workspace, String kind, String subject, Instant at) {
    return new Job(
        id, workspace, kind, subject, JobState.QUEUED, at, null, null, 0, 0, Map.of(), List.of());
  }

  public Job withProgress(long done, long total, Map<String, Long> counts) {
    return new Job(
        id,
        workspace,
        kind,
        subject,
        state,
        createdAt,
        startedAt,
        finishedAt,
        done,
        total,
        counts,
        errors);
  }

  /** This job with {@code more} errors added, keeping the most recent {@value #MAX_ERRORS}. */
  public Job withErrors(List<String> more) {
    if (more.isEmpty()) {
      return this;
    }
    var all = new java.util.ArrayList<>(errors);
    all.addAll(more);
    return new Job(
        id,
        workspace,
        kind,
        subject,
        state,
        createdAt,
        startedAt,
        finishedAt,
        done,
        total,
        counts,
        all.subList(Math.max(0, all.size() - MAX_ERRORS), all.size()));
  }

  public Job finished(JobState outcome, List<String> errors, Instant at) {
    return new Job(
        id, workspace, kind, subject, outcome, createdAt, startedAt, at, done, total, counts,
        errors);
  }
}
