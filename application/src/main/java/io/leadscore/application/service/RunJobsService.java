package io.leadscore.application.service;

import io.leadscore.application.job.JobErrors;
import io.leadscore.application.job.JobHandler;
import io.leadscore.application.port.in.RunJobsUseCase;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.JobState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claims jobs under a lease and runs them with the handler of their kind. Each progress report
 * extends the lease; a node that dies stops extending it, and after {@link #LEASE} another node
 * takes the job up again from the start (handlers are idempotent: a re-score rewrites the same
 * rows). A job of a kind no handler runs fails with a message naming the known kinds.
 */
public final class RunJobsService implements RunJobsUseCase {
  /** How long a claim holds without a progress report. */
  public static final Duration LEASE = Duration.ofMinutes(2);

  private final JobRepository jobs;
  private final Map<String, JobHandler> handlers = new HashMap<>();
  private final String node;
  private final Clock clock;

  /**
   * @param node this node's name, unique among nodes sharing the database (a lease owner)
   */
  public RunJobsService(JobRepository jobs, List<JobHandler> handlers, String node, Clock clock) {
    this.jobs = jobs;
    for (JobHandler handler : handlers) {
      if (this.handlers.put(handler.kind(), handler) != null) {
        throw new IllegalArgumentException("handlers: two for kind " + handler.kind());
      }
    }
    this.node = node;
    this.clock = clock;
  }

  @Override
  public boolean runNext() {
    Optional<Job> claimed = jobs.claim(node, clock.instant(), LEASE);
    if (claimed.isEmpty()) {
      return false;
    }
    Job job = claimed.get();
    JobHandler handler = handlers.get(job.kind());
    if (handler == null) {
      finish(
          job,
          JobState.FAILED,
          List.of("no handler for job kind " + job.kind() + "; known kinds: " + handlers.keySet()));
      return true;
    }
    Job[] current = {job};
    boolean[] lost = {false};
    try {
      handler.run(
          job,
          (done, total, counts, newErrors) -> {
            current[0] = current[0].withProgress(done, total, counts).withErrors(newErrors);
            lost[0] = !jobs.update(current[0], node, clock.instant().plus(LEASE));
            return !lost[0];
          });
    } catch (RuntimeException e) {
      if (!lost[0]) {
        Job failed = current[0].withErrors(List.of(JobErrors.plain(e)));
        finish(failed, JobState.FAILED, failed.errors());
      }
      return true;
    }
    if (!lost[0]) {
      finish(current[0], JobState.SUCCEEDED, current[0].errors());
    }
    return true;
  }

  private void finish(Job job, JobState state, List<String> errors) {
    jobs.update(job.finished(state, errors, clock.instant()), node, clock.instant());
  }
}
