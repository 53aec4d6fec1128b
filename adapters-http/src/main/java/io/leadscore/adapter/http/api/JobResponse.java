package io.leadscore.adapter.http.api;

import io.leadscore.application.port.out.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A background job (http-api.md, "Sources"): {@code { id, kind, subject, state, createdAt,
 * startedAt, finishedAt, progress: { done, total }, counts, errors }}.
 */
public record JobResponse(
    String id,
    String kind,
    String subject,
    String state,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Progress progress,
    Map<String, Long> counts,
    List<String> errors) {

  /** How far the job is: {@code done} of {@code total} items. */
  public record Progress(long done, long total) {}

  static JobResponse from(Job job) {
    return new JobResponse(
        job.id(),
        job.kind(),
        job.subject(),
        job.state().wireName(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        new Progress(job.done(), job.total()),
        new TreeMap<>(job.counts()),
        job.errors());
  }
}
