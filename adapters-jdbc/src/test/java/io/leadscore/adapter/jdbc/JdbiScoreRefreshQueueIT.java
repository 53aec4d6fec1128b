package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreRefreshQueueContract;
import io.leadscore.application.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ScoreRefreshQueueContract} on {@code JdbiScoreRefreshQueue}, on H2 and on PostgreSQL, a
 * mark larger than one insert statement, and a mark racing a refresh that claimed the same contact.
 */
class JdbiScoreRefreshQueueIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  abstract static class On implements ScoreRefreshQueueContract {
    abstract TestDatabase db();

    /** Sessions of the test database waiting for a row lock held by another. */
    abstract String sessionsWaitingForALock();

    /**
     * The refresh claimed (and deleted) the contact's entry before the marking transaction's lock;
     * the refresh could not see the marked change, so the contact must be queued again when the
     * refresh commits. On H2 the insert does not wait for the claimer (it sees the row and does
     * nothing), so the mark has to notice the row is gone; found by KillMidIngestOverHttpIT.
     */
    @Test
    void marking_an_entry_a_refresh_has_claimed_queues_it_again_when_the_refresh_commits()
        throws Exception {
      var queue = queue();
      var at = Instant.parse("2026-11-22T10:00:00Z");
      transactions().run(() -> queue.mark("a", List.of("c1", "c2"), at));
      var claimed = new CountDownLatch(1);
      var commitClaim = new CountDownLatch(1);
      var threads = Executors.newFixedThreadPool(2);
      try {
        Future<List<ContactRef>> refresh =
            threads.submit(
                () ->
                    transactions()
                        .inTransaction(
                            () -> {
                              List<ContactRef> refs = queue.claim(10);
                              claimed.countDown();
                              awaitLatch(commitClaim);
                              return refs;
                            }));
        assertThat(claimed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Future<?> marking =
            threads.submit(
                () -> transactions().run(() -> queue.mark("a", List.of("c1", "c3"), at)));
        awaitOneSessionWaitingForALock();
        commitClaim.countDown();
        marking.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(refresh.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).hasSize(2);
        List<ContactRef> queued = transactions().inTransaction(() -> queue.claim(10));
        assertThat(queued)
            .containsExactlyInAnyOrder(new ContactRef("a", "c1"), new ContactRef("a", "c3"));
      } finally {
        threads.shutdownNow();
      }
    }

    private static void awaitLatch(CountDownLatch latch) {
      try {
        assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private void awaitOneSessionWaitingForALock() {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (db().transactions()
              .withHandle(
                  handle -> handle.createQuery(sessionsWaitingForALock()).mapTo(Long.class).one())
          < 1) {
        assertThat(System.nanoTime() - deadline).as("a session waits for a lock").isNegative();
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      }
    }

    @Override
    public ScoreRefreshQueue queue() {
      return new JdbiScoreRefreshQueue(db().transactions());
    }

    @Override
    public Transactions transactions() {
      return db().transactions();
    }

    @Test
    void a_mark_of_more_contacts_than_one_insert_statement_holds_queues_each_once() {
      var queue = queue();
      var contacts = new ArrayList<String>();
      for (int i = 0; i < 2_500; i++) {
        contacts.add("c" + i);
      }
      contacts.add("c1999"); // a repeat across a chunk boundary
      var at = Instant.parse("2026-11-22T10:00:00Z");
      transactions().run(() -> queue.mark("a", contacts.subList(0, 1_200), at));
      transactions().run(() -> queue.mark("a", contacts, at.plusSeconds(1)));

      assertThat(queue.size()).isEqualTo(2_500);
      List<ContactRef> claimed = transactions().inTransaction(() -> queue.claim(3_000));
      assertThat(new HashSet<>(claimed)).hasSize(2_500);
      // the first 1,200 were queued a second earlier and keep their place
      assertThat(claimed.subList(0, 1_200))
          .allSatisfy(
              ref -> assertThat(Integer.parseInt(ref.contactId().substring(1))).isLessThan(1_200));
    }

    /**
     * A refresh has claimed (deleted) a contact's mark and not committed when a write marks the
     * contact again: once both commit, the mark must be there, since the refresh computed without
     * the write's events. (H2 skipped the insert as a conflict instead of waiting, as PostgreSQL
     * does; found by the end-to-end test.)
     */
    @Test
    void a_mark_made_while_a_refresh_holds_the_same_claim_survives_the_claim() throws Exception {
      var queue = queue();
      var at = Instant.parse("2026-11-22T10:00:00Z");
      transactions().run(() -> queue.mark("a", List.of("c1"), at));
      var claimed = new java.util.concurrent.CountDownLatch(1);
      var release = new java.util.concurrent.CountDownLatch(1);
      var refresh =
          java.util.concurrent.CompletableFuture.runAsync(
              () ->
                  transactions()
                      .run(
                          () -> {
                            assertThat(queue.claim(10)).hasSize(1);
                            claimed.countDown();
                            await(release);
                          }));
      await(claimed);
      var write =
          new Thread(
              () -> transactions().run(() -> queue.mark("a", List.of("c1"), at.plusSeconds(1))));
      write.start();
      // let the write reach the refresh's row lock (H2 parks the thread there; on PostgreSQL it
      // waits inside a socket read, which looks running, so this gives up after 2 s), then let
      // the refresh commit
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (write.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      release.countDown();
      refresh.get(30, java.util.concurrent.TimeUnit.SECONDS);
      write.join(30_000);
      assertThat(write.isAlive()).isFalse();

      assertThat(queue.size()).isEqualTo(1);
      assertThat(transactions().inTransaction(() -> queue.claim(10)))
          .containsExactly(new ContactRef("a", "c1"));
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
      try {
        assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Nested
  class OnH2 extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
      return db;
    }

    @Override
    String sessionsWaitingForALock() {
      return "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL";
    }
  }

  @Nested
  class OnPostgres extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }

    @Override
    String sessionsWaitingForALock() {
      return """
          SELECT COUNT(*) FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
          """;
    }
  }
}
