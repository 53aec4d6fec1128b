package io.leadscore.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.fake.InMemoryDatabase;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.job.JobHandler;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class RunJobsServiceTest {
  private final InMemoryDatabase db = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(Scenario.START);

  private static JobHandler handler(String kind, BiConsumer<Job, JobHandler.Progress> work) {
    return new JobHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void run(Job job, Progress progress) {
        work.accept(job, progress);
      }
    };
  }

  @Test
  void a_job_runs_once_with_its_progress_saved_and_then_none_is_waiting() {
    db.jobs().enqueue(Job.queued("j1", "ws", "count", "x", clock.instant()));
    var runner =
        new RunJobsService(
            db.jobs(),
            List.of(
                handler("count", (job, progress) -> progress.report(3, 3, Map.of("items", 3L)))),
            "node-a",
            clock);

    assertThat(runner.runNext()).isTrue();
    assertThat(runner.runNext()).isFalse();
    Job done = db.jobs().find("ws", "j1").orElseThrow();
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.counts()).containsEntry("items", 3L);
    assertThat(done.startedAt()).isEqualTo(Scenario.START);
  }

  @Test
  void a_failing_job_fails_with_its_error_and_an_unknown_kind_names_the_known_ones() {
    db.jobs().enqueue(Job.queued("j1", "ws", "boom", "x", clock.instant()));
    db.jobs().enqueue(Job.queued("j2", "ws", "sync", "x", clock.instant()));
    var runner =
        new RunJobsService(
            db.jobs(),
            List.of(
                handler(
                    "boom",
                    (job, progress) -> {
                      throw new IllegalStateException("disk full");
                    })),
            "node-a",
            clock);
    runner.runNext();
    runner.runNext();

    assertThat(db.jobs().find("ws", "j1").orElseThrow().errors()).containsExactly("internal error");
    assertThat(db.jobs().find("ws", "j1").orElseThrow().state()).isEqualTo(JobState.FAILED);
    assertThat(db.jobs().find("ws", "j2").orElseThrow().errors().get(0)).contains("sync", "[boom]");
  }

  @Test
  void a_failed_job_records_no_sql_values_or_class_names() {
    db.jobs().enqueue(Job.queued("j1", "ws", "boom", "x", clock.instant()));
    var sql =
        new java.sql.BatchUpdateException(
            "Batch entry 0 INSERT INTO scores VALUES ('ada@example.com')", new int[0]);
    var runner =
        new RunJobsService(
            db.jobs(),
            List.of(
                handler(
                    "boom",
                    (job, progress) -> {
                      throw new IllegalStateException(
                          "UnableToExecuteStatementException: " + sql.getMessage(), sql);
                    })),
            "node-a",
            clock);
    runner.runNext();

    assertThat(db.jobs().find("ws", "j1").orElseThrow().errors())
        .containsExactly("the database refused the write (internal error)");
  }

  @Test
  void a_node_that_lost_its_lease_stops_and_the_new_owner_finishes_the_job() {
    db.jobs().enqueue(Job.queued("j1", "ws", "slow", "x", clock.instant()));
    boolean[] stopped = {false};
    var nodeA =
        new RunJobsService(
            db.jobs(),
            List.of(
                handler(
                    "slow",
                    (job, progress) -> {
                      // node A stalls past its lease; node B takes the job meanwhile
                      clock.advance(RunJobsService.LEASE.plus(Duration.ofSeconds(1)));
                      var nodeB =
                          new RunJobsService(
                              db.jobs(),
                              List.of(handler("slow", (j, p) -> p.report(1, 1, Map.of()))),
                              "node-b",
                              clock);
                      assertThat(nodeB.runNext()).isTrue();
                      stopped[0] = !progress.report(1, 2, Map.of());
                    })),
            "node-a",
            clock);

    nodeA.runNext();

    assertThat(stopped[0]).isTrue();
    assertThat(db.jobs().find("ws", "j1").orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(db.jobs().find("ws", "j1").orElseThrow().done()).isEqualTo(1);
  }
}
