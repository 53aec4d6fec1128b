package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.domain.contact.Contact;
import io.leadscore.domain.model.condition.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link ContactRepository} must do. Implementations give empty storage per test. */
public interface ContactRepositoryContract {
  ContactRepository contacts();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  Instant T1 = Instant.parse("2026-11-23T11:30:00.250Z");
  ExternalId MAILCHIMP_42 = new ExternalId("mailchimp", "42");

  private static ContactIdentity byId(String id) {
    return new ContactIdentity.ById(id);
  }

  private static ContactIdentity byEmail(String email) {
    return new ContactIdentity.ByEmail(email);
  }

  private static ContactIdentity byExternalId(ExternalId externalId) {
    return new ContactIdentity.ByExternalId(externalId);
  }

  private static ContactRecord contact(
      String id, String email, List<ExternalId> externalIds, Contact profile) {
    return new ContactRecord(id, email, externalIds, profile, T0, T1);
  }

  @Test
  default void find_or_create_by_email_creates_the_contact_once() {
    var contacts = contacts();

    ContactRecord created = contacts.findOrCreate("a", byEmail("ann@x.io"), "c1", T0);
    ContactRecord again = contacts.findOrCreate("a", byEmail("ann@x.io"), "c2", T1);

    assertThat(created)
        .isEqualTo(new ContactRecord("c1", "ann@x.io", List.of(), Contact.EMPTY, T0, T0));
    assertThat(again).isEqualTo(created);
    assertThat(contacts.find("a", byId("c2"))).isEmpty();
  }

  @Test
  default void find_or_create_by_external_id_creates_the_contact_once() {
    var contacts = contacts();

    ContactRecord created = contacts.findOrCreate("a", byExternalId(MAILCHIMP_42), "c1", T0);
    ContactRecord again = contacts.findOrCreate("a", byExternalId(MAILCHIMP_42), "c2", T1);

    assertThat(created)
        .isEqualTo(new ContactRecord("c1", null, List.of(MAILCHIMP_42), Contact.EMPTY, T0, T0));
    assertThat(again).isEqualTo(created);
    assertThat(contacts.find("a", byId("c2"))).isEmpty();
  }

  @Test
  default void find_or_create_by_an_unknown_id_creates_the_contact_with_that_id() {
    var contacts = contacts();

    ContactRecord created = contacts.findOrCreate("a", byId("given"), "ignored", T0);
    ContactRecord again = contacts.findOrCreate("a", byId("given"), "ignored", T1);

    assertThat(created)
        .isEqualTo(new ContactRecord("given", null, List.of(), Contact.EMPTY, T0, T0));
    assertThat(again).isEqualTo(created);
  }

  @Test
  default void a_saved_contact_is_found_by_each_of_its_identities() {
    var contacts = contacts();
    var ann =
        contact(
            "c1",
            "ann@x.io",
            List.of(MAILCHIMP_42, new ExternalId("ontraport", "7")),
            new Contact(Map.of("title", new Value.Text("CTO")), Set.of("vip")));

    contacts.save("a", ann);

    assertThat(contacts.find("a", byId("c1"))).contains(ann);
    assertThat(contacts.find("a", byEmail("ann@x.io"))).contains(ann);
    assertThat(contacts.find("a", byExternalId(new ExternalId("ontraport", "7")))).contains(ann);
    assertThat(contacts.findOrCreate("a", byExternalId(MAILCHIMP_42), "new", T1)).isEqualTo(ann);
  }

  @Test
  default void attribute_values_and_tags_round_trip_exactly() {
    var contacts = contacts();
    Map<String, Value> attributes =
        Map.of(
            "zip", new Value.Text("02134"),
            "employees", new Value.Number(50),
            "revenue", new Value.Number(0.1),
            "tiny", new Value.Number(-1.5e-300),
            "numeric text", new Value.Text("50"),
            "active", new Value.Bool(false),
            "quote \"and\", comma", new Value.Text("line\nbreak, \"quotes\" and ünïcödé ✓"),
            "empty", new Value.Text(""),
            "langs", new Value.Many(List.of(new Value.Text("en"), new Value.Number(2))),
            "none", new Value.Many(List.of()));
    var ann = contact("c1", null, List.of(), new Contact(attributes, Set.of("VIP", "beta")));

    contacts.save("a", ann);

    ContactRecord found = contacts.find("a", byId("c1")).orElseThrow();
    assertThat(found.profile().attributes()).isEqualTo(attributes);
    assertThat(found.profile().tags()).containsExactlyInAnyOrder("vip", "beta");
  }

  @Test
  default void save_replaces_the_email_external_ids_and_profile() {
    var contacts = contacts();
    contacts.save(
        "a",
        contact(
            "c1",
            "old@x.io",
            List.of(MAILCHIMP_42),
            new Contact(Map.of("title", new Value.Text("CTO")), Set.of("vip"))));
    var replaced =
        new ContactRecord(
            "c1",
            "new@x.io",
            List.of(new ExternalId("ontraport", "7")),
            new Contact(Map.of("city", new Value.Text("Lyon")), Set.of()),
            T0,
            T1.plusSeconds(60));

    contacts.save("a", replaced);

    assertThat(contacts.find("a", byId("c1"))).contains(replaced);
    assertThat(contacts.find("a", byEmail("old@x.io"))).isEmpty();
    assertThat(contacts.find("a", byExternalId(MAILCHIMP_42))).isEmpty();
  }

  @Test
  default void save_with_the_email_of_another_contact_throws_and_changes_nothing() {
    var contacts = contacts();
    var ann = contact("c1", "ann@x.io", List.of(), Contact.EMPTY);
    var bob = contact("c2", "bob@x.io", List.of(), Contact.EMPTY);
    contacts.save("a", ann);
    contacts.save("a", bob);

    assertThatThrownBy(
            () -> contacts.save("a", contact("c2", "ann@x.io", List.of(), Contact.EMPTY)))
        .isInstanceOf(IdentityTakenException.class);
    assertThatThrownBy(
            () -> contacts.save("a", contact("c3", "ann@x.io", List.of(), Contact.EMPTY)))
        .isInstanceOf(IdentityTakenException.class);

    assertThat(contacts.find("a", byId("c2"))).contains(bob);
    assertThat(contacts.find("a", byId("c3"))).isEmpty();
    assertThat(contacts.find("a", byEmail("ann@x.io"))).contains(ann);
  }

  @Test
  default void save_with_the_external_id_of_another_contact_throws_and_changes_nothing() {
    var contacts = contacts();
    var ann = contact("c1", null, List.of(MAILCHIMP_42), Contact.EMPTY);
    var bob = contact("c2", "bob@x.io", List.of(), Contact.EMPTY);
    contacts.save("a", ann);
    contacts.save("a", bob);

    assertThatThrownBy(
            () ->
                contacts.save("a", contact("c2", "bob@x.io", List.of(MAILCHIMP_42), Contact.EMPTY)))
        .isInstanceOf(IdentityTakenException.class);

    assertThat(contacts.find("a", byId("c2"))).contains(bob);
    assertThat(contacts.find("a", byExternalId(MAILCHIMP_42))).contains(ann);
  }

  @Test
  default void several_contacts_may_have_no_email() {
    var contacts = contacts();
    contacts.save("a", contact("c1", null, List.of(), Contact.EMPTY));
    contacts.save("a", contact("c2", null, List.of(), Contact.EMPTY));

    assertThat(contacts.find("a", byId("c1"))).isPresent();
    assertThat(contacts.find("a", byId("c2"))).isPresent();
  }

  @Test
  default void erase_deletes_the_contact_and_its_identities() {
    var contacts = contacts();
    contacts.save("a", contact("c1", "ann@x.io", List.of(MAILCHIMP_42), Contact.EMPTY));

    assertThat(contacts.erase("a", "c1")).isTrue();

    assertThat(contacts.find("a", byId("c1"))).isEmpty();
    assertThat(contacts.find("a", byEmail("ann@x.io"))).isEmpty();
    assertThat(contacts.find("a", byExternalId(MAILCHIMP_42))).isEmpty();
    assertThat(contacts.erase("a", "c1")).isFalse();
    assertThat(contacts.findOrCreate("a", byExternalId(MAILCHIMP_42), "c9", T1).id())
        .isEqualTo("c9");
  }

  @Test
  default void contacts_of_another_workspace_are_never_seen_or_touched() {
    var contacts = contacts();
    var bobInB = contact("c1", "ann@x.io", List.of(MAILCHIMP_42), Contact.EMPTY);
    contacts.save("b", bobInB);

    assertThat(contacts.find("a", byId("c1"))).isEmpty();
    assertThat(contacts.find("a", byEmail("ann@x.io"))).isEmpty();
    assertThat(contacts.find("a", byExternalId(MAILCHIMP_42))).isEmpty();
    assertThat(contacts.erase("a", "c1")).isFalse();
    ContactRecord annInA = contacts.findOrCreate("a", byEmail("ann@x.io"), "c2", T1);
    assertThat(annInA.id()).isEqualTo("c2");
    contacts.save("a", contact("c1", "ann2@x.io", List.of(MAILCHIMP_42), Contact.EMPTY));

    assertThat(contacts.find("b", byId("c1"))).contains(bobInB);
    assertThat(contacts.find("b", byExternalId(MAILCHIMP_42))).contains(bobInB);
    assertThat(contacts.find("a", byExternalId(MAILCHIMP_42)).map(ContactRecord::email))
        .contains("ann2@x.io");
  }

  @Test
  default void resolving_a_batch_finds_known_identities_and_creates_each_unknown_one_once() {
    var contacts = contacts();
    ContactRecord known =
        contacts.findOrCreate("a", new ContactIdentity.ByEmail("ann@x.io"), "c1", T0);
    contacts.findOrCreate("b", new ContactIdentity.ByEmail("new@x.io"), "other-ws", T0);
    var next = new java.util.concurrent.atomic.AtomicInteger();
    var identities =
        List.<ContactIdentity>of(
            new ContactIdentity.ByEmail("ann@x.io"),
            new ContactIdentity.ByEmail("new@x.io"),
            new ContactIdentity.ById("crm-7"),
            new ContactIdentity.ById(known.id()),
            new ContactIdentity.ByExternalId(new ExternalId("crm", "9")));

    Map<ContactIdentity, String> resolved =
        contacts.resolve("a", identities, () -> "n" + next.incrementAndGet(), T0);

    assertThat(resolved).hasSize(5);
    assertThat(resolved.get(identities.get(0))).isEqualTo(known.id());
    assertThat(resolved.get(identities.get(2))).isEqualTo("crm-7");
    assertThat(resolved.get(identities.get(3))).isEqualTo(known.id());
    assertThat(resolved.get(identities.get(1))).isNotEqualTo("other-ws");
    assertThat(contacts.count("a")).isEqualTo(4);
    assertThat(contacts.resolve("a", identities, () -> "unused", T0)).isEqualTo(resolved);
    assertThat(contacts.count("a")).isEqualTo(4);
    assertThat(contacts.count("b")).isEqualTo(1);
  }
}
