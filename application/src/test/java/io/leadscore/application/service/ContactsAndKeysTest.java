package io.leadscore.application.service;

import static io.leadscore.application.service.Scenario.MODEL;
import static io.leadscore.application.service.Scenario.WS;
import static io.leadscore.application.service.Scenario.click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.CreatedApiKey;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.in.UpsertContactCommand;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.Scope;
import io.leadscore.domain.model.condition.Value;
import io.leadscore.domain.reading.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactsAndKeysTest {
  private final Scenario scenario = new Scenario();

  private ContactRecord upsert(Map<String, ?> body) {
    return scenario.app.upsertContact.upsert(new UpsertContactCommand(WS, body));
  }

  @Test
  void an_upsert_creates_then_updates_the_contact_found_by_its_strongest_identity() {
    ContactRecord created =
        upsert(
            Map.of(
                "email",
                "Ada@Example.com",
                "attributes",
                Map.of("title", "CTO"),
                "tags",
                List.of("VIP", "beta")));
    ContactRecord updated =
        upsert(
            Map.of(
                "email", "ada@example.com",
                "externalId", Map.of("source", "crm", "id", "42"),
                "addTags", List.of("customer"),
                "removeTags", List.of("beta")));

    assertThat(updated.id()).isEqualTo(created.id());
    assertThat(updated.email()).isEqualTo("ada@example.com");
    assertThat(updated.externalIds()).containsExactly(new ExternalId("crm", "42"));
    assertThat(updated.profile().attributes()).containsEntry("title", new Value.Text("CTO"));
    assertThat(updated.profile().tags()).containsExactlyInAnyOrder("vip", "customer");
    assertThat(
            scenario
                .app
                .findContact
                .find(WS, new ContactIdentity.ByExternalId(new ExternalId("crm", "42")))
                .id())
        .isEqualTo(created.id());
    assertThat(scenario.db.refreshQueue().size()).isEqualTo(1);
  }

  @Test
  void attributes_replace_the_old_ones_when_given_and_stay_when_not() {
    upsert(Map.of("id", "c1", "attributes", Map.of("title", "CTO", "country", "FR")));
    upsert(Map.of("id", "c1", "tags", List.of("x")));
    ContactRecord replaced = upsert(Map.of("id", "c1", "attributes", Map.of("country", "DE")));

    assertThat(replaced.profile().attributes()).containsOnlyKeys("country");
    assertThat(replaced.profile().tags()).containsExactly("x");
  }

  @Test
  void an_invalid_contact_lists_every_problem_and_writes_nothing() {
    assertThatThrownBy(
            () ->
                upsert(
                    Map.of("email", "nope", "tags", "vip", "addTags", List.of(""), "color", "red")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactlyInAnyOrder("color", "email", "tags", "addTags[0]"));
    assertThatThrownBy(() -> upsert(Map.of("tags", List.of("vip"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one of id, email, externalId");
    assertThat(scenario.db.contacts().count(WS)).isZero();
  }

  @Test
  void an_email_that_belongs_to_another_contact_is_a_conflict() {
    upsert(Map.of("id", "c1", "email", "ada@example.com"));
    upsert(Map.of("id", "c2", "email", "bob@example.com"));

    assertThatThrownBy(() -> upsert(Map.of("id", "c2", "email", "ada@example.com")))
        .isInstanceOf(ConflictException.class);
    assertThat(scenario.app.findContact.find(WS, new ContactIdentity.ById("c2")).email())
        .isEqualTo("bob@example.com");
  }

  @Test
  void erasing_a_contact_removes_its_events_and_scores_and_nothing_else() {
    scenario.published(10);
    scenario.ingest(
        click("k1", "ada@example.com", "2026-11-01T00:00:00Z"),
        click("k2", "bob@example.com", "2026-11-01T00:00:00Z"));
    scenario.app.refreshAll();
    String ada =
        scenario.app.findContact.find(WS, new ContactIdentity.ByEmail("ada@example.com")).id();
    String bob =
        scenario.app.findContact.find(WS, new ContactIdentity.ByEmail("bob@example.com")).id();

    scenario.app.eraseContact.erase(WS, ada);

    assertThat(scenario.db.contacts().find(WS, new ContactIdentity.ById(ada))).isEmpty();
    assertThat(scenario.db.events().history(WS, ada)).isEmpty();
    assertThat(scenario.db.scores().find(WS, MODEL, ada)).isEmpty();
    assertThat(scenario.db.events().history(WS, bob)).hasSize(1);
    assertThat(scenario.db.scores().find(WS, MODEL, bob)).isPresent();
    assertThatThrownBy(() -> scenario.app.eraseContact.erase(WS, ada))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> scenario.app.eraseContact.erase("other", bob))
        .isInstanceOf(NotFoundException.class);
    assertThat(scenario.db.events().history(WS, bob)).hasSize(1);
  }

  @Test
  void a_key_authenticates_to_its_workspace_and_scope_until_revoked() {
    scenario.app.createWorkspace.create(WS, "Acme");
    CreatedApiKey created = scenario.app.apiKeys.create(WS, Scope.WRITE, null);

    Caller caller = scenario.app.authenticate.authenticate(created.token());
    assertThat(caller).isEqualTo(new Caller(WS, Scope.WRITE, created.key().id()));
    assertThat(created.toString()).doesNotContain(created.token());
    assertThat(scenario.db.apiKeys().findById(created.key().id()).orElseThrow().secretHash())
        .hasSize(32)
        .isNotEqualTo(created.token().getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    scenario.app.apiKeys.revoke(WS, created.key().id());
    assertThatThrownBy(() -> scenario.app.authenticate.authenticate(created.token()))
        .isInstanceOf(UnauthenticatedException.class);
  }

  @Test
  void malformed_unknown_and_wrong_keys_are_all_refused_alike() {
    scenario.app.createWorkspace.create(WS, "Acme");
    String token = scenario.app.apiKeys.create(WS, Scope.ADMIN, "ops").token();
    String wrongSecret =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    String unknownId = "lsk_aaaaaaaaaaaaaaaa" + token.substring(20);

    for (String bad : new String[] {null, "", "Bearer x", wrongSecret, unknownId}) {
      assertThatThrownBy(() -> scenario.app.authenticate.authenticate(bad))
          .isInstanceOf(UnauthenticatedException.class)
          .hasMessage("missing or invalid API key");
    }
  }

  @Test
  void workspaces_need_safe_unique_ids_and_keys_an_existing_workspace() {
    scenario.app.createWorkspace.create(WS, null);
    assertThatThrownBy(() -> scenario.app.createWorkspace.create(WS, "again"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> scenario.app.createWorkspace.create("a b", "x"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> scenario.app.apiKeys.create("ghost", Scope.READ, null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> scenario.app.apiKeys.revoke("other", "whatever"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_key_name_with_an_unpaired_surrogate_or_invisible_characters_is_refused() {
    scenario.app.createWorkspace.create(WS, "Acme");
    for (String name : List.of("n\ud800", "\u200b", "\u202eadmin", "ops\udb40\udc01")) {
      assertThatThrownBy(() -> scenario.app.apiKeys.create(WS, Scope.READ, name))
          .as(name)
          .isInstanceOf(InvalidInputException.class);
    }
    assertThat(
            scenario.app.apiKeys.create(WS, Scope.READ, "ops \u00e9t\u00e9 \ud83d\ude00").token())
        .isNotBlank();
  }
}
