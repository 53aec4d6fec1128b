package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link JobRepository} must do. Implementations give empty storage per test. */
public interface JobRepositoryContract {
  JobRepository jobs();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  Duration LEASE = Duration.ofMinutes(1);

  private static Job queued(String id, String workspace, Instant at) {
    return Job.queued(id, workspace, "sync", "source-1", at);
  }

  @Test
  default void an_enqueued_job_is_found_in_its_workspace_only() {
    var jobs = jobs();
    var job = queued("j1", "a", T0);

    jobs.enqueue(job);

    assertThat(jobs.find("a", "j1")).contains(job);
    assertThat(jobs.find("b", "j1")).isEmpty();
    assertThat(jobs.find("a", "j2")).isEmpty();
  }

  @Test
  default void a_claim_takes_the_oldest_queued_job_of_any_workspace_and_runs_it() {
    var jobs = jobs();
    jobs.enqueue(queued("j2", "a", T0.plusSeconds(1)));
    jobs.enqueue(queued("j1", "b", T0));

    Job claimed = jobs.claim("node-1", T0.plusSeconds(5), LEASE).orElseThrow();

    assertThat(claimed.id()).isEqualTo("j1");
    assertThat(claimed.state()).isEqualTo(JobState.RUNNING);
    assertThat(claimed.startedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(jobs.find("b", "j1")).contains(claimed);
    assertThat(jobs.claim("node-2", T0.plusSeconds(5), LEASE).orElseThrow().id()).isEqualTo("j2");
    assertThat(jobs.claim("node-3", T0.plusSeconds(5), LEASE)).isEmpty();
  }

  @Test
  default void a_job_whose_lease_expired_is_claimed_again_and_its_old_owner_loses_it() {
    var jobs = jobs();
    jobs.enqueue(queued("j1", "a", T0));
    Job first = jobs.claim("node-1", T0, LEASE).orElseThrow();

    assertThat(jobs.claim("node-2", T0.plusSeconds(59), LEASE)).isEmpty();
    Job second = jobs.claim("node-2", T0.plusSeconds(61), LEASE).orElseThrow();

    assertThat(second.id()).isEqualTo("j1");
    assertThat(jobs.update(first.withProgress(5, 10, Map.of()), "node-1", T0.plusSeconds(120)))
        .isFalse();
    assertThat(jobs.find("a", "j1").orElseThrow().done()).isZero();
    assertThat(jobs.update(second.withProgress(7, 10, Map.of()), "node-2", T0.plusSeconds(120)))
        .isTrue();
    assertThat(jobs.find("a", "j1").orElseThrow().done()).isEqualTo(7);
  }

  @Test
  default void an_update_saves_progress_and_extends_the_lease() {
    var jobs = jobs();
    jobs.enqueue(queued("j1", "a", T0));
    Job claimed = jobs.claim("node-1", T0, LEASE).orElseThrow();
    Job progressed = claimed.withProgress(3, 10, Map.of("pages", 3L, "events", 120L));

    assertThat(jobs.update(progressed, "node-1", T0.plus(Duration.ofMinutes(5)))).isTrue();

    assertThat(jobs.find("a", "j1")).contains(progressed);
    assertThat(jobs.claim("node-2", T0.plus(Duration.ofMinutes(4)), LEASE)).isEmpty();
  }

  @Test
  default void a_finished_job_keeps_its_outcome_and_is_never_claimed_again() {
    var jobs = jobs();
    jobs.enqueue(queued("j1", "a", T0));
    Job claimed = jobs.claim("node-1", T0, LEASE).orElseThrow();
    Job failed =
        claimed
            .withProgress(1, 2, Map.of("rejected", 1L))
            .finished(
                JobState.FAILED, List.of("page 2: vendor said 500", "gave up"), T0.plusSeconds(30));

    assertThat(jobs.update(failed, "node-1", T0.plusSeconds(30))).isTrue();

    assertThat(jobs.find("a", "j1")).contains(failed);
    assertThat(jobs.claim("node-2", T0.plus(Duration.ofHours(1)), LEASE)).isEmpty();
  }

  @Test
  default void an_update_by_a_node_that_never_claimed_the_job_changes_nothing() {
    var jobs = jobs();
    jobs.enqueue(queued("j1", "a", T0));
    Job claimed = jobs.claim("node-1", T0, LEASE).orElseThrow();

    assertThat(jobs.update(claimed.withProgress(9, 9, Map.of()), "node-2", T0.plusSeconds(10)))
        .isFalse();
    assertThat(jobs.find("a", "j1")).contains(claimed);
  }
}
