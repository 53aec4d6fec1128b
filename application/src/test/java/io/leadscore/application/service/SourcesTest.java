package io.leadscore.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.FakeVendor;
import io.leadscore.application.fake.InMemoryDatabase;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.port.in.ConfigureSourceCommand;
import io.leadscore.application.port.in.ConfiguredSource;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.SourceView;
import io.leadscore.application.port.out.Source;
import io.leadscore.domain.reading.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuring sources: validation with paths, masking, the hook secret, workspace isolation. */
class SourcesTest {
  private final InMemoryDatabase db = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(Scenario.START);
  private final Application app =
      Application.inMemory(db, clock, Map.of(FakeVendor.KIND, new FakeVendor()));

  static Map<String, Object> body(String schedule) {
    var body = new LinkedHashMap<String, Object>();
    body.put("kind", "fake");
    body.put("name", "Newsletter");
    body.put("settings", Map.of("apiKey", "0123-us6", "baseUrl", "http://localhost:8089"));
    if (schedule != null) {
      body.put("schedule", schedule);
    }
    body.put("writeBack", Map.of("tierTag", true, "scoreField", "LSCORE"));
    return body;
  }

  private List<Problem> problems(Object body) {
    try {
      app.sources.create(new ConfigureSourceCommand("acme", body));
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError("accepted " + body);
  }

  @Test
  void a_source_is_stored_with_its_secrets_masked_and_its_hook_secret_shown_once_as_a_hash() {
    ConfiguredSource created =
        app.sources.create(new ConfigureSourceCommand("acme", body("PT15M")));

    SourceView view = created.source();
    assertThat(view.kind()).isEqualTo("fake");
    assertThat(view.name()).isEqualTo("Newsletter");
    assertThat(view.settings())
        .containsEntry("apiKey", SourceView.MASK)
        .containsEntry("baseUrl", "http://localhost:8089");
    assertThat(view.schedule()).isEqualTo("PT15M");
    assertThat(view.writeBack()).containsEntry("scoreField", "LSCORE");
    assertThat(view.nextSyncAt()).isEqualTo(Scenario.START);
    assertThat(view.synced()).isFalse();
    assertThat(created.hookSecret()).hasSizeGreaterThanOrEqualTo(32);
    Source stored = db.sources().find("acme", view.id()).orElseThrow();
    assertThat(stored.settings()).containsEntry("apiKey", "0123-us6");
    assertThat(stored.hookSecretHash())
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    io.leadscore.application.ingest.DerivedEventKeys.sha256(created.hookSecret())));
    assertThat(stored.toString()).doesNotContain(created.hookSecret());
    assertThat(app.sources.get("acme", view.id())).isEqualTo(view);
    assertThat(app.sources.list("acme")).containsExactly(view);
  }

  @Test
  void every_problem_is_reported_with_its_path() {
    var body = new LinkedHashMap<String, Object>();
    body.put("kind", "fake");
    body.put("name", "");
    body.put("settings", Map.of("baseUrl", "ftp://x", "extra", 1));
    body.put("schedule", "every day");
    body.put("writeBack", Map.of("tierTag", "yes", "other", 1));
    body.put("color", "blue");

    assertThat(problems(body))
        .extracting(Problem::path)
        .containsExactlyInAnyOrder(
            "color",
            "name",
            "settings.apiKey",
            "settings.baseUrl",
            "settings.extra",
            "schedule",
            "writeBack.tierTag",
            "writeBack.other");
    assertThat(db.sources().list("acme")).isEmpty();
  }

  @Test
  void an_unknown_kind_is_a_problem_at_kind_listing_the_known_ones() {
    var body = body(null);
    body.put("kind", "hubspot");

    assertThat(problems(body))
        .containsExactly(new Problem("kind", "unknown kind hubspot; known kinds: fake"));
    assertThat(problems(Map.of("settings", Map.of())))
        .extracting(Problem::toString)
        .containsExactly("kind: required; known kinds: fake");
    assertThat(problems(List.of())).extracting(Problem::path).containsExactly("");
  }

  @Test
  void schedules_are_durations_or_five_field_cron_expressions() {
    assertThat(problems(body("PT10S")))
        .extracting(Problem::toString)
        .containsExactly("schedule: must be at least PT1M");
    assertThat(problems(body("P1M"))).extracting(Problem::path).containsExactly("schedule");
    assertThat(problems(body("61 * * * *"))).extracting(Problem::path).containsExactly("schedule");
    assertThat(problems(body("0 0 30 2 *")).get(0).message()).contains("never fires");
    assertThat(problems(body("* * * *")).get(0).message()).contains("5 fields");

    SourceView cron =
        app.sources.create(new ConfigureSourceCommand("acme", body("30 6 * * 1-5"))).source();
    SourceView manual = app.sources.create(new ConfigureSourceCommand("acme", body(null))).source();

    // 2026-11-01 is a Sunday: the first weekday 06:30 UTC is Monday the 2nd
    assertThat(cron.nextSyncAt()).isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
    assertThat(cron.schedule()).isEqualTo("30 6 * * 1-5");
    assertThat(manual.schedule()).isNull();
    assertThat(manual.nextSyncAt()).isNull();
  }

  @Test
  void a_source_of_another_workspace_is_not_found_and_not_listed() {
    SourceView view = app.sources.create(new ConfigureSourceCommand("acme", body(null))).source();

    assertThatThrownBy(() -> app.sources.get("other", view.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(app.sources.list("other")).isEmpty();
    assertThatThrownBy(() -> app.sync.start("other", view.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_source_whose_vendor_module_is_gone_shows_every_setting_masked() {
    SourceView view = app.sources.create(new ConfigureSourceCommand("acme", body(null))).source();
    var without = Application.inMemory(db, clock, Map.of());

    assertThat(without.sources.get("acme", view.id()).settings())
        .containsOnly(Map.entry("apiKey", SourceView.MASK), Map.entry("baseUrl", SourceView.MASK));
  }

  @Test
  void due_syncs_are_queued_once_and_rescheduled_by_their_period() {
    SourceView view =
        app.sources.create(new ConfigureSourceCommand("acme", body("PT15M"))).source();
    app.sources.create(new ConfigureSourceCommand("acme", body(null)));
    var otherNode = Application.inMemory(db, clock, Map.of(FakeVendor.KIND, new FakeVendor()));

    assertThat(app.scheduleSyncs.enqueueDue()).isEqualTo(1);
    assertThat(otherNode.scheduleSyncs.enqueueDue()).isZero();
    assertThat(db.sources().find("acme", view.id()).orElseThrow().nextSyncAt())
        .isEqualTo(Scenario.START.plus(Duration.ofMinutes(15)));

    clock.advance(Duration.ofMinutes(14));
    assertThat(app.scheduleSyncs.enqueueDue()).isZero();
    clock.advance(Duration.ofMinutes(1));
    assertThat(otherNode.scheduleSyncs.enqueueDue()).isEqualTo(1);
  }

  @Test
  void cron_expressions_fire_at_their_minutes_in_utc() {
    var cron =
        ((io.leadscore.domain.reading.Read.Valid<io.leadscore.application.port.out.CronExpression>)
                io.leadscore.application.port.out.CronExpression.parse("*/20 9-10 1,15 * 0"))
            .value();
    Instant at = Instant.parse("2026-11-01T10:40:00Z"); // a Sunday, and the 1st

    assertThat(cron.nextAfter(at)).contains(Instant.parse("2026-11-08T09:00:00Z"));
    assertThat(cron.nextAfter(Instant.parse("2026-11-01T09:05:30Z")))
        .contains(Instant.parse("2026-11-01T09:20:00Z"));
    assertThat(cron.nextAfter(Instant.parse("2026-11-14T23:59:00Z")))
        .contains(Instant.parse("2026-11-15T09:00:00Z"));
  }
}
