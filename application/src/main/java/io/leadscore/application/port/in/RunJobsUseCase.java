package io.leadscore.application.port.in;

/**
 * Runs queued background jobs (re-scores after a publish). Each job is claimed with a lease, so
 * nodes sharing a database never run the same job at once, and a job whose node died is taken up
 * again after its lease expires.
 */
public interface RunJobsUseCase {
  /**
   * Claims and runs one job to its end.
   *
   * @return false when no job was waiting
   */
  boolean runNext();
}
