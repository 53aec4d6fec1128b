package io.leadscore.application.job;

import io.leadscore.application.port.out.Job;
import java.util.List;
import java.util.Map;

/**
 * Runs the jobs of one kind. Called with a job claimed by this node; reports progress through
 * {@link Progress}, which answers false once the lease is lost (the handler then stops: another
 * node has the job). Throwing fails the job with the exception's message.
 */
public interface JobHandler {
  /** The kind of job this runs ({@link Job#kind()}). */
  String kind();

  void run(Job job, Progress progress);

  /** Saves progress; false means stop now. */
  interface Progress {
    /**
     * Saves progress and adds errors to the job's record (http-api.md, the job's {@code errors}:
     * the most recent 100 are kept).
     *
     * @param newErrors what went wrong since the last report (a rejected event and its reason)
     */
    boolean report(long done, long total, Map<String, Long> counts, List<String> newErrors);

    /** Saves progress with no new errors. */
    default boolean report(long done, long total, Map<String, Long> counts) {
      return report(done, total, counts, List.of());
    }
  }
}
