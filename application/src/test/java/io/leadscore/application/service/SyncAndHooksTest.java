package io.leadscore.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.FakeVendor;
import io.leadscore.application.fake.InMemoryDatabase;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.port.in.ConfigureSourceCommand;
import io.leadscore.application.port.in.ConfiguredSource;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.in.VendorHookCommand;
import io.leadscore.application.port.in.VendorHookResult;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobState;
import io.leadscore.application.port.out.vendor.VendorContact;
import io.leadscore.application.port.out.vendor.VendorEvent;
import io.leadscore.application.port.out.vendor.VendorRejectedException;
import io.leadscore.domain.model.condition.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Syncs (pages, cursor, idempotent re-runs, failures, counts) and inbound hooks (auth, store). */
class SyncAndHooksTest {
  private final InMemoryDatabase db = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(Scenario.START);
  private final FakeVendor vendor = new FakeVendor();
  private final Application app = Application.inMemory(db, clock, Map.of(FakeVendor.KIND, vendor));
  private final ConfiguredSource source =
      app.sources.create(new ConfigureSourceCommand("acme", SourcesTest.body(null)));
  private final String sourceId = source.source().id();

  private Job sync() {
    Job job = app.sync.start("acme", sourceId);
    app.runAllJobs();
    return app.getJob.get("acme", job.id());
  }

  private long events() {
    return db.events().histories("acme").mapToLong(history -> history.events().size()).sum();
  }

  @Test
  void a_sync_stores_every_page_with_its_cursor_and_reports_counts_and_progress() {
    Job job = sync();

    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.kind()).isEqualTo("sync");
    assertThat(job.subject()).isEqualTo(sourceId);
    assertThat(job.done()).isEqualTo(3);
    assertThat(job.total()).isEqualTo(3);
    assertThat(job.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("pages", 3L, "contacts", 6L, "events", 12L, "duplicates", 0L, "rejected", 0L));
    assertThat(job.errors()).isEmpty();
    assertThat(db.sources().find("acme", sourceId).orElseThrow().cursor()).isEqualTo("p3");
    assertThat(vendor.pulls()).containsExactly(null, "p1", "p2");
    ContactRecord member =
        db.contacts()
            .find("acme", new ContactIdentity.ByExternalId(new ExternalId("fake", "m2-1")))
            .orElseThrow();
    assertThat(member.email()).isEqualTo("m2-1@example.com");
    assertThat(member.profile().attributes())
        .containsEntry("mc_member_rating", new Value.Number(2));
    assertThat(member.profile().tags()).containsExactly("newsletter");
    assertThat(db.events().history("acme", member.id())).hasSize(2);
    assertThat(db.refreshQueue().size()).isEqualTo(6);
    assertThat(vendor.connected().get(0).settings()).containsEntry("apiKey", "0123-us6");
  }

  @Test
  void a_second_sync_resumes_from_the_cursor_and_a_re_run_from_scratch_counts_nothing_twice() {
    sync();
    vendor.append(FakeVendor.page(4, 1));

    Job second = sync();

    assertThat(second.counts()).containsEntry("pages", 1L).containsEntry("events", 2L);
    assertThat(vendor.pulls()).containsExactly(null, "p1", "p2", "p3");
    assertThat(events()).isEqualTo(14);

    db.sources().advanceCursor("acme", sourceId, "p4", null); // forget where it stopped
    Job again = sync();

    assertThat(again.counts())
        .containsEntry("pages", 4L)
        .containsEntry("events", 0L)
        .containsEntry("duplicates", 14L)
        .containsEntry("contacts", 0L);
    assertThat(events()).isEqualTo(14);
  }

  @Test
  void
      a_vendor_failure_at_page_k_fails_the_job_keeping_pages_before_it_and_the_next_sync_resumes() {
    vendor.unavailableAt(2);

    Job failed = sync();

    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.counts()).containsEntry("pages", 1L).containsEntry("events", 4L);
    assertThat(failed.errors()).hasSize(2);
    assertThat(failed.errors().get(0))
        .contains("page 2: vendor unavailable", "HTTP 503", "resumes after page 1");
    assertThat(failed.errors().get(1)).isEqualTo("the vendor was unavailable");
    assertThat(db.sources().find("acme", sourceId).orElseThrow().cursor()).isEqualTo("p1");
    assertThat(events()).isEqualTo(4);

    vendor.heal();
    Job resumed = sync();

    assertThat(resumed.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(vendor.pulls()).containsExactly(null, "p1", "p1", "p2");
    assertThat(resumed.counts()).containsEntry("pages", 2L).containsEntry("duplicates", 0L);
    assertThat(events()).isEqualTo(12);
  }

  @Test
  void a_failure_while_storing_a_page_rolls_the_page_and_its_cursor_back_together() {
    vendor.failAt(3, () -> new VendorRejectedException("HTTP 401 API Key Invalid"));

    Job failed = sync();

    assertThat(failed.errors().get(0)).contains("page 3: vendor rejected", "401");
    assertThat(db.sources().find("acme", sourceId).orElseThrow().cursor()).isEqualTo("p2");
    assertThat(events()).isEqualTo(8);
  }

  @Test
  void invalid_contacts_and_events_are_rejected_with_reasons_and_the_rest_is_stored() {
    var bad = new ExternalId("fake", "bad");
    vendor.append(
        new FakeVendor.Script(
            List.of(
                new VendorContact(bad, "not-an-email", Map.of(), List.of(), List.of()),
                VendorContact.of(new ExternalId("fake", "ok"), "ok@example.com", Map.of())),
            List.of(
                new VendorEvent(
                    "fake:x",
                    "Opened!",
                    Instant.parse("2026-11-01T10:00:00Z"),
                    new ContactIdentity.ByEmail("ok@example.com"),
                    Map.of()),
                new VendorEvent(
                    "fake:y",
                    "email.opened",
                    Instant.parse("2026-11-01T10:00:00Z"),
                    new ContactIdentity.ByEmail("ok@example.com"),
                    Map.of("n", List.of(1, 2))))));

    Job job = sync();

    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.counts()).containsEntry("rejected", 2L).containsEntry("events", 13L);
    assertThat(job.errors()).hasSize(2);
    assertThat(job.errors().get(0)).startsWith("page 4, contact 0 (bad): email:");
    assertThat(job.errors().get(1)).startsWith("page 4, event 0: type:");
  }

  @Test
  void a_vendor_contact_whose_email_is_an_existing_contacts_joins_it() {
    app.ingest.ingest(
        new IngestEventsCommand(
            "acme",
            "api",
            List.of(
                Scenario.event(
                    "k1",
                    "demo.requested",
                    "2026-10-01T00:00:00Z",
                    Map.of("email", "M1-1@example.com")))));

    sync();

    ContactRecord joined =
        db.contacts().find("acme", new ContactIdentity.ByEmail("m1-1@example.com")).orElseThrow();
    assertThat(joined.externalIds()).containsExactly(new ExternalId("fake", "m1-1"));
    assertThat(db.events().history("acme", joined.id())).hasSize(3);
  }

  @Test
  void run_now_syncs_on_the_calling_thread_and_reports_a_failure_in_the_job() {
    Job done = app.sync.runNow(sourceId);

    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.counts()).containsEntry("events", 12L);

    db.sources().advanceCursor("acme", sourceId, "p3", null);
    vendor.unavailableAt(1);
    Job failed = app.sync.runNow(sourceId);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.errors()).hasSize(2);
  }

  private VendorHookCommand hook(String secret, String method, String body) {
    return new VendorHookCommand(
        sourceId,
        secret,
        method,
        "application/x-www-form-urlencoded",
        Map.of("User-Agent", List.of("Fake/1.0")),
        Map.of(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_hook_with_the_right_secret_is_stored_once_and_a_ping_is_answered() {
    String body = "type=email.opened&email=Ada%40example.com&at=2026-11-01T09:00:00Z";

    var first =
        (VendorHookResult.Stored) app.hooks.receive(hook(source.hookSecret(), "POST", body));
    var again =
        (VendorHookResult.Stored) app.hooks.receive(hook(source.hookSecret(), "POST", body));

    assertThat(first.accepted()).isEqualTo(1);
    assertThat(first.contacts()).isEqualTo(1);
    assertThat(again.accepted()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.contacts()).isZero();
    assertThat(events()).isEqualTo(1);
    assertThat(app.hooks.receive(hook(source.hookSecret(), "GET", "")))
        .isEqualTo(new VendorHookResult.Reply("text/plain", "ok"));
  }

  @Test
  void a_hook_with_a_wrong_or_missing_secret_or_an_unknown_source_is_unauthenticated_alike() {
    String body = "type=email.opened&email=ada%40example.com&at=2026-11-01T09:00:00Z";
    var unknown =
        new VendorHookCommand(
            "src_nope", source.hookSecret(), "POST", null, Map.of(), Map.of(), new byte[0]);

    assertThatThrownBy(() -> app.hooks.receive(hook("wrong", "POST", body)))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage("missing or invalid hook secret");
    assertThatThrownBy(() -> app.hooks.receive(hook(null, "POST", body)))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage("missing or invalid hook secret");
    assertThatThrownBy(() -> app.hooks.receive(unknown))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage("missing or invalid hook secret");
    assertThat(events()).isZero();
  }

  @Test
  void an_unreadable_hook_delivery_is_invalid_input_and_stores_nothing() {
    assertThatThrownBy(
            () -> app.hooks.receive(hook(source.hookSecret(), "POST", "type=email.opened")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs type, email and at");
    var rejected =
        (VendorHookResult.Stored)
            app.hooks.receive(
                hook(
                    source.hookSecret(),
                    "POST",
                    "type=NOPE&email=a%40b.co&at=2026-11-01T09:00:00Z"));
    assertThat(rejected.rejected()).hasSize(1);
    assertThat(events()).isZero();
  }
}
