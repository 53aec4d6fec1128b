package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.DoublingBackoff;
import io.leadscore.application.fake.FakeVendor;
import io.leadscore.application.fake.JacksonDocuments;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.fake.ScriptedWebhookSender;
import io.leadscore.application.port.in.ConfigureSourceCommand;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobState;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * quality.md "sync-crash" on H2 and PostgreSQL: a sync dies after page k, at each point around the
 * page's transaction (while storing it, after its cursor update inside the transaction, after the
 * commit, at the next pull), then runs again. The cursor moves only with the page's data, the
 * re-run fetches again at most the page that was being stored, and no event is stored twice.
 */
class SyncCrashIT {
  private static final String WS = "acme";
  private static final int PAGES = 4;
  private static final int PER_PAGE = 3;
  private static final int EVENTS = PAGES * PER_PAGE * 2;

  /** The process dying at a chosen point (thrown where the crash happens). */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(String where) {
      super("simulated crash " + where);
    }
  }

  /** Where, around the cursor update of which page, the sync dies. */
  enum CrashPoint {
    BEFORE_CURSOR_UPDATE,
    AFTER_CURSOR_UPDATE_BEFORE_COMMIT
  }

  /** Sources whose cursor update for one page crashes before or after it is written. */
  static final class CrashingSources implements SourceRepository {
    private final SourceRepository delegate;
    private String crashAtCursor;
    private CrashPoint point;

    CrashingSources(SourceRepository delegate) {
      this.delegate = delegate;
    }

    void crash(String nextCursor, CrashPoint where) {
      crashAtCursor = nextCursor;
      point = where;
    }

    void heal() {
      crashAtCursor = null;
    }

    @Override
    public boolean advanceCursor(String workspace, String sourceId, String expected, String next) {
      boolean crashing = next.equals(crashAtCursor);
      if (crashing && point == CrashPoint.BEFORE_CURSOR_UPDATE) {
        throw new SimulatedCrash("before the cursor update to " + next);
      }
      boolean moved = delegate.advanceCursor(workspace, sourceId, expected, next);
      if (crashing) {
        throw new SimulatedCrash("after the cursor update to " + next + ", before the commit");
      }
      return moved;
    }

    @Override
    public void create(Source source) {
      delegate.create(source);
    }

    @Override
    public Optional<Source> find(String workspace, String sourceId) {
      return delegate.find(workspace, sourceId);
    }

    @Override
    public Optional<Source> findById(String sourceId) {
      return delegate.findById(sourceId);
    }

    @Override
    public List<Source> list(String workspace) {
      return delegate.list(workspace);
    }

    @Override
    public List<Source> due(Instant now, int limit) {
      return delegate.due(now, limit);
    }

    @Override
    public boolean reschedule(String workspace, String sourceId, Instant expected, Instant next) {
      return delegate.reschedule(workspace, sourceId, expected, next);
    }
  }

  abstract static class On {
    abstract TestDatabase db();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final FakeVendor vendor = new FakeVendor(FakeVendor.standardScript(PAGES, PER_PAGE));
    private JdbcPersistence persistence;
    private CrashingSources sources;
    private Application app;
    private String sourceId;

    private void start() {
      persistence = new JdbcPersistence(db().database(), clock);
      sources = new CrashingSources(persistence.sources());
      app =
          new Application(
              new Application.Ports(
                  persistence.transactions(),
                  persistence.workspaces(),
                  persistence.apiKeys(),
                  persistence.contacts(),
                  persistence.events(),
                  persistence.models(),
                  persistence.scores(),
                  persistence.refreshQueue(),
                  persistence.jobs(),
                  persistence.notifier(),
                  new JacksonDocuments(),
                  sources,
                  persistence.webhooks(),
                  persistence.deliveries(),
                  new ScriptedWebhookSender(),
                  DoublingBackoff.standard()),
              Map.of(FakeVendor.KIND, vendor),
              clock,
              "node-a");
      sourceId =
          app.sources
              .create(
                  new ConfigureSourceCommand(
                      WS, Map.of("kind", "fake", "settings", Map.of("apiKey", "k-us6"))))
              .source()
              .id();
    }

    private long storedEvents() {
      return db().transactions()
          .withHandle(
              handle ->
                  handle
                      .createQuery("SELECT COUNT(*) FROM events WHERE workspace_id = :ws")
                      .bind("ws", WS)
                      .mapTo(Long.class)
                      .one());
    }

    private String cursor() {
      return persistence.sources().find(WS, sourceId).orElseThrow().cursor();
    }

    private Job sync() {
      Job job = app.sync.start(WS, sourceId);
      app.runAllJobs();
      return app.getJob.get(WS, job.id());
    }

    /** Crashes while storing page {@code k + 1}; page k is the last one committed. */
    private void crash_after_page_and_rerun(int k, CrashPoint point) {
      start();
      sources.crash("p" + (k + 1), point);

      Job crashed = sync();

      assertThat(crashed.state()).isEqualTo(JobState.FAILED);
      // the job tells the kind of failure, never the exception's own text
      assertThat(crashed.errors()).contains("internal error").noneMatch(e -> e.contains("crash"));
      assertThat(cursor()).isEqualTo(k == 0 ? null : "p" + k);
      assertThat(storedEvents()).isEqualTo((long) k * PER_PAGE * 2);
      int pullsBefore = vendor.pulls().size();

      sources.heal();
      Job rerun = sync();

      assertThat(rerun.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(cursor()).isEqualTo("p" + PAGES);
      assertThat(storedEvents()).isEqualTo(EVENTS);
      assertThat(rerun.counts())
          .containsEntry("events", (long) (PAGES - k) * PER_PAGE * 2)
          .containsEntry("duplicates", 0L);
      // the re-run starts at the page that was being stored: fetched twice, and no other
      List<String> rerunPulls = vendor.pulls().subList(pullsBefore, vendor.pulls().size());
      assertThat(rerunPulls.get(0)).isEqualTo(k == 0 ? null : "p" + k);
      assertThat(rerunPulls).hasSize(PAGES - k);
    }

    @Test
    void a_crash_storing_page_2_before_its_cursor_update_refetches_only_page_2() {
      crash_after_page_and_rerun(1, CrashPoint.BEFORE_CURSOR_UPDATE);
    }

    @Test
    void a_crash_after_page_3s_cursor_update_but_before_its_commit_loses_both_together() {
      crash_after_page_and_rerun(2, CrashPoint.AFTER_CURSOR_UPDATE_BEFORE_COMMIT);
    }

    @Test
    void a_crash_storing_the_first_page_leaves_no_cursor_and_no_events() {
      crash_after_page_and_rerun(0, CrashPoint.BEFORE_CURSOR_UPDATE);
    }

    @Test
    void a_crash_after_page_2s_commit_resumes_at_page_3_with_nothing_refetched() {
      start();
      vendor.unavailableAt(3);

      Job crashed = sync();

      assertThat(crashed.state()).isEqualTo(JobState.FAILED);
      assertThat(cursor()).isEqualTo("p2");
      assertThat(storedEvents()).isEqualTo(2L * PER_PAGE * 2);

      vendor.heal();
      Job rerun = sync();

      assertThat(rerun.counts()).containsEntry("pages", 2L).containsEntry("duplicates", 0L);
      assertThat(vendor.pulls()).containsExactly(null, "p1", "p2", "p2", "p3");
      assertThat(storedEvents()).isEqualTo(EVENTS);
    }

    @Test
    void a_full_re_sync_from_no_cursor_stores_nothing_twice() {
      start();
      sync();
      persistence.sources().advanceCursor(WS, sourceId, "p" + PAGES, null);

      Job again = sync();

      assertThat(again.counts())
          .containsEntry("events", 0L)
          .containsEntry("duplicates", (long) EVENTS)
          .containsEntry("contacts", 0L);
      assertThat(storedEvents()).isEqualTo(EVENTS);
    }
  }

  @Nested
  class OnH2 extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
      return db;
    }
  }

  @Nested
  class OnPostgres extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }
  }
}
