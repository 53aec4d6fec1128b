package io.leadscore.application.service;

import static io.leadscore.application.service.Scenario.WS;
import static io.leadscore.application.service.Scenario.click;
import static io.leadscore.application.service.Scenario.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.application.port.in.TooLargeException;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.domain.event.Event;
import io.leadscore.domain.reading.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestEventsServiceTest {
  private final Scenario scenario = new Scenario();

  private List<Event> historyOf(String email) {
    String id = scenario.app.findContact.find(WS, new ContactIdentity.ByEmail(email)).id();
    return scenario.db.events().history(WS, id);
  }

  @Test
  void stores_valid_events_and_reports_invalid_ones_by_index_with_every_problem() {
    IngestResult result =
        scenario.ingest(
            click("k1", "ada@example.com", "2026-11-01T10:00:00Z"),
            Map.of("type", "Email", "occurredAt", "yesterday", "contact", Map.of()),
            click("k2", "ada@example.com", "2026-11-01T11:00:00Z"),
            "not an object");

    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.duplicates()).isZero();
    assertThat(result.rejected())
        .extracting(IngestResult.RejectedEvent::index)
        .containsExactly(1, 3);
    assertThat(result.rejected().get(0).errors())
        .extracting(Problem::path)
        .contains("contact", "type", "occurredAt");
    assertThat(historyOf("ada@example.com"))
        .extracting(Event::eventKey)
        .containsExactly("k1", "k2");
  }

  @Test
  void the_same_event_key_is_stored_once_within_a_batch_and_across_batches() {
    IngestResult first =
        scenario.ingest(
            click("k1", "ada@example.com", "2026-11-01T10:00:00Z"),
            click("k1", "ada@example.com", "2026-11-01T10:00:00Z"));
    IngestResult again = scenario.ingest(click("k1", "ada@example.com", "2026-11-01T10:00:00Z"));

    assertThat(first.accepted()).isEqualTo(1);
    assertThat(first.duplicates()).isEqualTo(1);
    assertThat(again.accepted()).isZero();
    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(historyOf("ada@example.com")).hasSize(1);
  }

  @Test
  void events_without_a_key_get_a_derived_key_so_a_resent_batch_counts_once() {
    var batch =
        List.of(
            click(null, "ada@example.com", "2026-11-01T10:00:00Z"),
            click(null, "ada@example.com", "2026-11-01T10:05:00Z"));
    scenario.app.ingest.ingest(new IngestEventsCommand(WS, "api", batch));
    IngestResult resent = scenario.app.ingest.ingest(new IngestEventsCommand(WS, "api", batch));

    assertThat(resent.accepted()).isZero();
    assertThat(resent.duplicates()).isEqualTo(2);
    assertThat(historyOf("ada@example.com"))
        .extracting(Event::eventKey)
        .allMatch(key -> key.matches("h:[0-9a-f]{64}"))
        .doesNotHaveDuplicates();
  }

  @Test
  void a_derived_key_differs_by_source_and_by_properties() {
    var plain = click(null, "ada@example.com", "2026-11-01T10:00:00Z");
    var withUrl = click(null, "ada@example.com", "2026-11-01T10:00:00Z");
    withUrl.put("properties", Map.of("url", "https://ex.com/a"));
    var withNumber = click(null, "ada@example.com", "2026-11-01T10:00:00Z");
    withNumber.put("properties", Map.of("url", 1));
    var withText = click(null, "ada@example.com", "2026-11-01T10:00:00Z");
    withText.put("properties", Map.of("url", "1"));

    scenario.ingest(plain, withUrl, withNumber, withText);
    scenario.app.ingest.ingest(new IngestEventsCommand(WS, "mailchimp", List.of(plain)));

    assertThat(historyOf("ada@example.com")).hasSize(5);
  }

  @Test
  void unknown_identities_create_contacts_and_known_ones_are_reused() {
    scenario.ingest(
        click("k1", " Ada@Example.com ", "2026-11-01T10:00:00Z"),
        event("k2", "email.opened", "2026-11-01T10:00:00Z", Map.of("email", "ada@example.com")),
        event(
            "k3",
            "email.opened",
            "2026-11-01T10:00:00Z",
            Map.of("externalId", Map.of("source", "crm", "id", "42"))),
        event("k4", "email.opened", "2026-11-01T10:00:00Z", Map.of("id", "crm-42")));

    assertThat(historyOf("ada@example.com")).hasSize(2);
    var byExternal =
        scenario.app.findContact.find(
            WS, new ContactIdentity.ByExternalId(new ExternalId("crm", "42")));
    assertThat(scenario.db.events().history(WS, byExternal.id())).hasSize(1);
    assertThat(scenario.db.events().history(WS, "crm-42")).hasSize(1);
    assertThat(scenario.db.contacts().count(WS)).isEqualTo(3);
  }

  @Test
  void a_contact_must_be_named_by_exactly_one_valid_identity() {
    IngestResult result =
        scenario.ingest(
            event("k1", "email.opened", "2026-11-01T10:00:00Z", Map.of()),
            event(
                "k2",
                "email.opened",
                "2026-11-01T10:00:00Z",
                Map.of("id", "a", "email", "a@example.com")),
            event("k3", "email.opened", "2026-11-01T10:00:00Z", Map.of("email", "not-mail")),
            event("k4", "email.opened", "2026-11-01T10:00:00Z", Map.of("id", "has space")));

    assertThat(result.accepted()).isZero();
    assertThat(result.rejected()).hasSize(4);
    assertThat(result.rejected().get(2).errors())
        .containsExactly(
            new Problem("contact.email", "must be an e-mail address like ada@example.com"));
    assertThat(result.rejected().get(3).errors())
        .extracting(Problem::path)
        .containsExactly("contact.id");
    assertThat(scenario.db.contacts().count(WS)).isZero();
  }

  @Test
  void more_than_1000_events_are_refused_whole() {
    var events = new ArrayList<Object>();
    for (int i = 0; i <= 1000; i++) {
      events.add(click("k" + i, "ada@example.com", "2026-11-01T10:00:00Z"));
    }
    assertThatThrownBy(() -> scenario.app.ingest.ingest(new IngestEventsCommand(WS, "api", events)))
        .isInstanceOf(TooLargeException.class)
        .hasMessageContaining("1000");
    assertThat(scenario.db.contacts().count(WS)).isZero();
  }

  @Test
  void contacts_whose_history_grew_are_marked_for_refresh_once() {
    scenario.ingest(
        click("k1", "ada@example.com", "2026-11-01T10:00:00Z"),
        click("k2", "ada@example.com", "2026-11-01T11:00:00Z"),
        click("k3", "bob@example.com", "2026-11-01T11:00:00Z"));
    scenario.ingest(click("k3", "bob@example.com", "2026-11-01T11:00:00Z"));

    assertThat(scenario.db.refreshQueue().size()).isEqualTo(2);
  }

  @Test
  void workspaces_do_not_share_contacts_or_event_keys() {
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T10:00:00Z"));
    IngestResult other =
        scenario.app.ingest.ingest(
            new IngestEventsCommand(
                "other", "api", List.of(click("k1", "ada@example.com", "2026-11-01T10:00:00Z"))));

    assertThat(other.accepted()).isEqualTo(1);
    assertThat(scenario.db.contacts().count("other")).isEqualTo(1);
    assertThat(scenario.db.contacts().count(WS)).isEqualTo(1);
  }
}
