package io.leadscore.bootstrap.module;

import io.leadscore.adapter.http.api.ApiMetrics;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job repository, counting finished jobs in the metrics and logging each job's start, its
 * progress (at most every 10%) and its end, so long jobs (a publish's re-score, a sync) report in
 * the log as well as in {@code GET /v1/jobs/{id}} (issue 5, "Long jobs report progress"). Delegates
 * everything else unchanged.
 */
final class LoggedJobRepository implements JobRepository {
  private static final Logger LOG = LoggerFactory.getLogger("io.leadscore.jobs");

  private final JobRepository delegate;
  private final ApiMetrics metrics;
  private final Map<String, Long> loggedTenths = new ConcurrentHashMap<>();

  LoggedJobRepository(JobRepository delegate, ApiMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public void enqueue(Job job) {
    delegate.enqueue(job);
    LOG.info(
        "job {} queued: {} {} in workspace {}",
        job.id(),
        job.kind(),
        job.subject(),
        job.workspace());
  }

  @Override
  public Optional<Job> find(String workspace, String jobId) {
    return delegate.find(workspace, jobId);
  }

  @Override
  public Optional<Job> claim(String node, Instant now, Duration lease) {
    Optional<Job> claimed = delegate.claim(node, now, lease);
    claimed.ifPresent(job -> loggedTenths.put(job.id(), 0L));
    claimed.ifPresent(
        job -> LOG.info("job {} ({} {}) started on {}", job.id(), job.kind(), job.subject(), node));
    return claimed;
  }

  @Override
  public boolean update(Job job, String node, Instant leaseUntil) {
    boolean kept = delegate.update(job, node, leaseUntil);
    if (job.state().finished()) {
      loggedTenths.remove(job.id());
      metrics.jobFinished(job.kind(), job.state().wireName());
      LOG.info(
          "job {} ({} {}) {}: {} of {} done, counts {}{}",
          job.id(),
          job.kind(),
          job.subject(),
          job.state().wireName(),
          job.done(),
          job.total(),
          job.counts(),
          // how many, not what: job errors can quote contact data
          job.errors().isEmpty() ? "" : ", " + job.errors().size() + " error(s)");
    } else if (job.total() > 0 && crossedTenth(job)) {
      LOG.info(
          "job {} ({} {}): {} of {} done ({}%)",
          job.id(),
          job.kind(),
          job.subject(),
          job.done(),
          job.total(),
          job.done() * 100 / job.total());
    }
    return kept;
  }

  private boolean crossedTenth(Job job) {
    long tenth = job.done() * 10 / job.total();
    Long previous = loggedTenths.put(job.id(), tenth);
    return previous == null || tenth > previous;
  }
}
