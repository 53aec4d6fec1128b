package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.NewEvent;
import io.leadscore.domain.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real threads on separate connections against PostgreSQL, the database several nodes share
 * (http-api.md, "Running past one machine"). Where the interleaving matters, a test holds one
 * transaction open and waits until PostgreSQL reports the other session waiting on a lock, so the
 * race is forced rather than hoped for.
 */
class PostgresConcurrencyIT {
  @RegisterExtension final TestDatabase db = TestDatabase.postgres();

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private ExecutorService threads;

  @BeforeEach
  void start_threads() {
    threads = Executors.newFixedThreadPool(4);
  }

  @AfterEach
  void stop_threads() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
  }

  private <T> Future<T> onAnotherThread(Callable<T> work) {
    return threads.submit(work);
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  /** Waits until {@code count} sessions of the test database wait for a lock. */
  private void awaitSessionsWaitingForALock(int count) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      long waiting =
          db.transactions()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              """
                              SELECT COUNT(*) FROM pg_stat_activity
                              WHERE datname = current_database() AND wait_event_type = 'Lock'
                              """)
                          .mapTo(Long.class)
                          .one());
      if (waiting >= count) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no session started waiting for a lock within " + PATIENCE);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  private ContactRecord contact(String id) {
    return new JdbiContactRepository(db.transactions())
        .findOrCreate("a", new ContactIdentity.ById(id), id, T0);
  }

  private static List<NewEvent> events(String contactId, List<String> keys) {
    return keys.stream()
        .map(key -> new NewEvent(contactId, "api", new Event(key, "page.viewed", T0, Map.of())))
        .toList();
  }

  @Test
  void an_append_waiting_on_another_ones_open_transaction_reports_its_keys_as_duplicates()
      throws Exception {
    contact("c1");
    var store = new JdbiEventStore(db.transactions());
    var firstAppended = new CountDownLatch(1);
    var commitFirst = new CountDownLatch(1);

    Future<boolean[]> first =
        onAnotherThread(
            () ->
                db.transactions()
                    .inTransaction(
                        () -> {
                          boolean[] stored =
                              store.append("a", events("c1", List.of("k1", "k2")), T0);
                          firstAppended.countDown();
                          await(commitFirst);
                          return stored;
                        }));
    await(firstAppended);
    Future<boolean[]> second =
        onAnotherThread(() -> store.append("a", events("c1", List.of("k2", "k3", "k1")), T0));
    awaitSessionsWaitingForALock(1);
    commitFirst.countDown();

    assertThat(result(first)).containsExactly(true, true);
    assertThat(result(second)).containsExactly(false, true, false);
    assertThat(store.history("a", "c1"))
        .extracting(Event::eventKey)
        .containsExactly("k1", "k2", "k3");
  }

  @Test
  void concurrent_appends_of_the_same_keys_store_each_once_and_report_it_once() throws Exception {
    contact("c1");
    contact("c2");
    var keys = new ArrayList<String>();
    for (int i = 0; i < 1_000; i++) {
      keys.add("key-" + i);
    }
    var barrier = new CyclicBarrier(4);
    var appends = new ArrayList<Future<Map<String, Boolean>>>();
    for (int t = 0; t < 4; t++) {
      var mine = new ArrayList<>(keys);
      Collections.shuffle(mine, new Random(t));
      var store = new JdbiEventStore(db.transactions(), t % 2 == 0); // COPY and batch paths
      appends.add(
          onAnotherThread(
              () -> {
                barrier.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                var reported = new HashMap<String, Boolean>();
                for (int from = 0; from < mine.size(); from += 250) {
                  List<String> batch = mine.subList(from, from + 250);
                  boolean[] stored =
                      store.append("a", events(from % 500 == 0 ? "c1" : "c2", batch), T0);
                  for (int i = 0; i < batch.size(); i++) {
                    reported.put(batch.get(i), stored[i]);
                  }
                }
                return reported;
              }));
    }

    var storedBy = new HashMap<String, Integer>();
    for (var append : appends) {
      result(append).forEach((key, stored) -> storedBy.merge(key, stored ? 1 : 0, Integer::sum));
    }

    assertThat(storedBy).hasSize(1_000);
    assertThat(storedBy.values()).containsOnly(1);
    long rows =
        db.transactions()
            .withHandle(
                handle ->
                    handle.createQuery("SELECT COUNT(*) FROM events").mapTo(Long.class).one());
    assertThat(rows).isEqualTo(1_000);
  }

  @Test
  void two_transactions_creating_one_new_email_get_the_same_contact() throws Exception {
    var contacts = new JdbiContactRepository(db.transactions());
    var identity = new ContactIdentity.ByEmail("ann@x.io");
    var firstCreated = new CountDownLatch(1);
    var commitFirst = new CountDownLatch(1);

    Future<ContactRecord> first =
        onAnotherThread(
            () ->
                db.transactions()
                    .inTransaction(
                        () -> {
                          ContactRecord created = contacts.findOrCreate("a", identity, "c1", T0);
                          firstCreated.countDown();
                          await(commitFirst);
                          return created;
                        }));
    await(firstCreated);
    Future<ContactRecord> second =
        onAnotherThread(() -> contacts.findOrCreate("a", identity, "c2", T0));
    awaitSessionsWaitingForALock(1);
    commitFirst.countDown();

    assertThat(result(first).id()).isEqualTo("c1");
    assertThat(result(second)).isEqualTo(result(first));
    assertThat(countContacts()).isEqualTo(1);
  }

  @Test
  void two_transactions_creating_one_new_external_id_get_the_same_contact_and_leave_no_orphan()
      throws Exception {
    var contacts = new JdbiContactRepository(db.transactions());
    var identity = new ContactIdentity.ByExternalId(new ExternalId("mailchimp", "42"));
    var firstCreated = new CountDownLatch(1);
    var commitFirst = new CountDownLatch(1);

    Future<ContactRecord> first =
        onAnotherThread(
            () ->
                db.transactions()
                    .inTransaction(
                        () -> {
                          ContactRecord created = contacts.findOrCreate("a", identity, "c1", T0);
                          firstCreated.countDown();
                          await(commitFirst);
                          return created;
                        }));
    await(firstCreated);
    Future<ContactRecord> second =
        onAnotherThread(() -> contacts.findOrCreate("a", identity, "c2", T0));
    awaitSessionsWaitingForALock(1);
    commitFirst.countDown();

    assertThat(result(first).id()).isEqualTo("c1");
    assertThat(result(second)).isEqualTo(result(first));
    assertThat(countContacts()).isEqualTo(1);
  }

  @Test
  void many_threads_resolving_the_same_new_identities_agree_on_every_contact() throws Exception {
    var contacts = new JdbiContactRepository(db.transactions());
    var barrier = new CyclicBarrier(4);
    var resolutions = new ArrayList<Future<List<String>>>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      resolutions.add(
          onAnotherThread(
              () -> {
                barrier.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                var ids = new ArrayList<String>();
                for (int i = 0; i < 50; i++) {
                  ContactIdentity identity =
                      i % 2 == 0
                          ? new ContactIdentity.ByEmail("person" + i + "@x.io")
                          : new ContactIdentity.ByExternalId(new ExternalId("crm", "p" + i));
                  ids.add(contacts.findOrCreate("a", identity, "t" + thread + "-" + i, T0).id());
                }
                return ids;
              }));
    }

    List<String> agreed = result(resolutions.get(0));
    for (var resolution : resolutions) {
      assertThat(result(resolution)).isEqualTo(agreed);
    }
    assertThat(countContacts()).isEqualTo(50);
  }

  private long countContacts() {
    return db.transactions()
        .withHandle(
            handle -> handle.createQuery("SELECT COUNT(*) FROM contacts").mapTo(Long.class).one());
  }

  @Test
  void a_job_locked_by_one_claimer_is_skipped_by_another_not_waited_for() throws Exception {
    var jobs = new JdbiJobRepository(db.transactions());
    jobs.enqueue(Job.queued("j1", "a", "sync", "s1", T0));
    jobs.enqueue(Job.queued("j2", "a", "sync", "s2", T0.plusSeconds(1)));
    var firstClaimed = new CountDownLatch(1);
    var commitFirst = new CountDownLatch(1);

    Future<String> first =
        onAnotherThread(
            () ->
                db.transactions()
                    .inTransaction(
                        () -> {
                          String id =
                              jobs.claim("node-1", T0, Duration.ofMinutes(1)).orElseThrow().id();
                          firstClaimed.countDown();
                          await(commitFirst);
                          return id;
                        }));
    await(firstClaimed);
    String second = jobs.claim("node-2", T0, Duration.ofMinutes(1)).orElseThrow().id();
    commitFirst.countDown();

    assertThat(result(first)).isEqualTo("j1");
    assertThat(second).isEqualTo("j2");
  }

  @Test
  void nodes_claiming_at_once_never_get_the_same_job() throws Exception {
    var jobs = new JdbiJobRepository(db.transactions());
    for (int i = 0; i < 60; i++) {
      jobs.enqueue(Job.queued("j" + i, "w" + (i % 3), "rescore", "m", T0.plusMillis(i)));
    }
    var barrier = new CyclicBarrier(4);
    var claims = new ArrayList<Future<List<String>>>();
    for (int t = 0; t < 4; t++) {
      String node = "node-" + t;
      claims.add(
          onAnotherThread(
              () -> {
                barrier.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                var mine = new ArrayList<String>();
                while (true) {
                  var claimed = jobs.claim(node, T0.plusSeconds(1), Duration.ofMinutes(5));
                  if (claimed.isEmpty()) {
                    return mine;
                  }
                  mine.add(claimed.get().id());
                }
              }));
    }

    var all = new ArrayList<String>();
    for (var claim : claims) {
      all.addAll(result(claim));
    }

    assertThat(all).hasSize(60).doesNotHaveDuplicates();
  }

  @Test
  void a_claim_skips_an_entry_whose_marking_transaction_is_still_open() throws Exception {
    var queue = new JdbiScoreRefreshQueue(db.transactions());
    db.transactions().run(() -> queue.mark("a", List.of("queued-before", "other"), T0));
    var marked = new CountDownLatch(1);
    var commitMarking = new CountDownLatch(1);

    Future<Void> marking =
        onAnotherThread(
            () ->
                db.transactions()
                    .inTransaction(
                        () -> {
                          // a change to two contacts: one already queued, one new
                          queue.mark("a", List.of("queued-before", "new"), T0.plusSeconds(1));
                          marked.countDown();
                          await(commitMarking);
                          return null;
                        }));
    await(marked);
    List<ContactRef> whileOpen = db.transactions().inTransaction(() -> queue.claim(10));
    commitMarking.countDown();
    result(marking);
    List<ContactRef> afterCommit = db.transactions().inTransaction(() -> queue.claim(10));

    assertThat(whileOpen).containsExactly(new ContactRef("a", "other"));
    assertThat(new HashSet<>(afterCommit))
        .containsExactlyInAnyOrder(
            new ContactRef("a", "queued-before"), new ContactRef("a", "new"));
  }

  @Test
  void marking_an_entry_a_refresh_has_claimed_waits_for_it_and_then_queues_it_again()
      throws Exception {
    var queue = new JdbiScoreRefreshQueue(db.transactions());
    db.transactions().run(() -> queue.mark("a", List.of("c1"), T0));
    var claimed = new CountDownLatch(1);
    var commitClaim = new CountDownLatch(1);

    Future<List<ContactRef>> refresh =
        onAnotherThread(
            () ->
                db.transactions()
                    .inTransaction(
                        () -> {
                          List<ContactRef> refs = queue.claim(10);
                          claimed.countDown();
                          await(commitClaim);
                          return refs;
                        }));
    await(claimed);
    Future<Void> marking =
        onAnotherThread(
            () -> {
              db.transactions().run(() -> queue.mark("a", List.of("c1"), T0.plusSeconds(1)));
              return null;
            });
    awaitSessionsWaitingForALock(1);
    commitClaim.countDown();
    result(marking);

    assertThat(result(refresh)).containsExactly(new ContactRef("a", "c1"));
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void concurrent_puts_of_overlapping_scores_both_succeed_and_each_row_is_one_of_the_writes()
      throws Exception {
    // COPY against COPY, then COPY against the batch path: rows 0-599 and 300-899, shuffled
    for (boolean otherCopies : List.of(true, false)) {
      var barrier = new CyclicBarrier(2);
      var puts = new ArrayList<Future<Void>>();
      for (int t = 0; t < 2; t++) {
        int writer = t;
        var store = new JdbiScoreStore(db.transactions(), writer == 0 || otherCopies);
        var rows = new ArrayList<MaterialisedScore>();
        for (int i = writer * 300; i < writer * 300 + 600; i++) {
          rows.add(writtenBy(writer, "c" + i));
        }
        Collections.shuffle(rows, new Random(writer));
        puts.add(
            onAnotherThread(
                () -> {
                  barrier.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                  for (int from = 0; from < rows.size(); from += 200) {
                    store.put("a", rows.subList(from, from + 200));
                  }
                  return null;
                }));
      }
      for (var put : puts) {
        result(put);
      }

      var store = new JdbiScoreStore(db.transactions());
      for (int i = 0; i < 900; i++) {
        String contactId = "c" + i;
        MaterialisedScore found = store.find("a", "b2b", contactId).orElseThrow();
        if (i < 300) {
          assertThat(found).isEqualTo(writtenBy(0, contactId));
        } else if (i >= 600) {
          assertThat(found).isEqualTo(writtenBy(1, contactId));
        } else {
          assertThat(found).isIn(writtenBy(0, contactId), writtenBy(1, contactId));
        }
      }
      // each contact's topic rows are those of the write its scores row holds, with its score
      List<String> mismatched =
          db.transactions()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              """
                              SELECT s.contact_id FROM scores s
                              LEFT JOIN score_topics t ON t.workspace_id = s.workspace_id
                                AND t.model_id = s.model_id AND t.contact_id = s.contact_id
                              GROUP BY s.contact_id, s.topics, s.score
                              HAVING COUNT(t.topic) <> 1
                                OR s.topics <> '["' || MIN(t.topic) || '"]'
                                OR MIN(t.score) <> s.score OR MAX(t.score) <> s.score
                              """)
                          .mapTo(String.class)
                          .list());
      assertThat(mismatched).isEmpty();
      db.transactions()
          .withHandle(
              handle ->
                  handle.execute("DELETE FROM score_topics")
                      + handle.execute("DELETE FROM scores"));
    }
  }

  private static MaterialisedScore writtenBy(int writer, String contactId) {
    return new MaterialisedScore(
        contactId,
        "b2b",
        writer + 1,
        writer * 100 + contactId.length(),
        writer,
        writer,
        "tier-" + writer,
        null,
        List.of("writer-" + writer),
        List.of(),
        T0.plusSeconds(writer),
        null);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("gave up waiting after " + PATIENCE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
