package io.leadscore.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Jobs, and the leases that make one node at a time run each (http-api.md, "Running past one
 * machine": {@code FOR UPDATE SKIP LOCKED} or equivalent).
 */
public interface JobRepository {
  void enqueue(Job job);

  Optional<Job> find(String workspace, String jobId);

  /**
   * Claims the oldest job, in any workspace, that is queued or whose lease has expired (its node
   * died): marks it running, leased to {@code owner} until {@code now + lease}. Two callers never
   * claim the same job at once.
   */
  Optional<Job> claim(String owner, Instant now, Duration lease);

  /**
   * Saves a claimed job's progress or outcome and extends its lease to {@code leaseUntil}, only if
   * {@code owner} still holds the lease.
   *
   * @return false when the lease was lost (another node took the job): stop working on it
   */
  boolean update(Job job, String owner, Instant leaseUntil);
}
