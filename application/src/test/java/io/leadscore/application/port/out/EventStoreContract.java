package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.condition.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do. Events need existing contacts, made through {@link
 * #contacts()} on the same storage. Implementations give empty storage per test.
 */
public interface EventStoreContract {
  EventStore events();

  /** Contacts on the same storage as {@link #events()}. */
  ContactRepository contacts();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  Instant RECEIVED = Instant.parse("2026-11-22T12:00:00Z");

  private ContactRecord contact(String workspace, String id) {
    return contacts().findOrCreate(workspace, new ContactIdentity.ById(id), id, T0);
  }

  private static Event event(String key, String type, Instant at) {
    return new Event(key, type, at, Map.of());
  }

  private static NewEvent newEvent(String contactId, Event event) {
    return new NewEvent(contactId, "api", event);
  }

  private static List<NewEvent> opens(String contactId, String... keys) {
    var events = new ArrayList<NewEvent>();
    for (int i = 0; i < keys.length; i++) {
      events.add(newEvent(contactId, event(keys[i], "email.opened", T0.plusSeconds(i))));
    }
    return events;
  }

  @Test
  default void append_stores_new_events_and_says_so_for_each() {
    contact("a", "c1");

    boolean[] stored = events().append("a", opens("c1", "k1", "k2"), RECEIVED);

    assertThat(stored).containsExactly(true, true);
    assertThat(events().history("a", "c1")).extracting(Event::eventKey).containsExactly("k1", "k2");
  }

  @Test
  default void an_empty_append_stores_nothing() {
    assertThat(events().append("a", List.of(), RECEIVED)).isEmpty();
  }

  @Test
  default void appending_stored_keys_again_stores_nothing_twice() {
    contact("a", "c1");
    var store = events();
    store.append("a", opens("c1", "k1", "k2"), RECEIVED);

    boolean[] again = store.append("a", opens("c1", "k1", "k2", "k3"), RECEIVED.plusSeconds(1));

    assertThat(again).containsExactly(false, false, true);
    assertThat(store.history("a", "c1"))
        .extracting(Event::eventKey)
        .containsExactly("k1", "k2", "k3");
  }

  @Test
  default void of_two_events_with_one_key_in_one_call_the_first_is_stored() {
    contact("a", "c1");
    var first = event("k1", "email.opened", T0);
    var second = event("k1", "email.clicked", T0.plusSeconds(5));

    boolean[] stored =
        events()
            .append(
                "a",
                List.of(newEvent("c1", first), newEvent("c1", second), newEvent("c1", first)),
                RECEIVED);

    assertThat(stored).containsExactly(true, false, false);
    assertThat(events().history("a", "c1")).containsExactly(first);
  }

  @Test
  default void the_same_key_in_two_workspaces_is_two_events() {
    contact("a", "c1");
    contact("b", "c1");

    assertThat(events().append("a", opens("c1", "k1"), RECEIVED)).containsExactly(true);
    assertThat(events().append("b", opens("c1", "k1"), RECEIVED)).containsExactly(true);

    assertThat(events().history("a", "c1")).hasSize(1);
    assertThat(events().history("b", "c1")).hasSize(1);
  }

  @Test
  default void a_history_is_in_the_engine_order_with_ties_by_key_code_point() {
    contact("a", "c1");
    var later = event("0-first-key-but-later", "page.viewed", T0.plusSeconds(1));
    var tied =
        Stream.of("b", "a", "B", "A1", "_", "Z").map(key -> event(key, "page.viewed", T0)).toList();
    var all = new ArrayList<NewEvent>();
    all.add(newEvent("c1", later));
    tied.forEach(event -> all.add(newEvent("c1", event)));

    events().append("a", all, RECEIVED);

    assertThat(events().history("a", "c1"))
        .extracting(Event::eventKey)
        .containsExactly("A1", "B", "Z", "_", "a", "b", "0-first-key-but-later");
  }

  @Test
  default void property_values_round_trip_exactly() {
    contact("a", "c1");
    Map<String, Value> properties =
        Map.of(
            "numeric text", new Value.Text("50"),
            "leading zeros", new Value.Text("007"),
            "count", new Value.Number(50),
            "ratio", new Value.Number(0.1),
            "big", new Value.Number(1.7976931348623157e308),
            "negative", new Value.Number(-2.5e-7),
            "flag", new Value.Bool(true),
            "tricky text", new Value.Text("a \"quoted\", comma\nnew line ✓ \\ back"),
            "empty", new Value.Text(""),
            "list",
                new Value.Many(
                    List.of(new Value.Text("1"), new Value.Number(1), new Value.Bool(false))));
    var rich =
        new Event("k1", "form.submitted", Instant.parse("2026-11-22T10:00:00.123456Z"), properties);
    var bare = new Event("k2", "page.viewed", T0.plusSeconds(1), Map.of());

    events().append("a", List.of(newEvent("c1", rich), newEvent("c1", bare)), RECEIVED);

    assertThat(events().history("a", "c1")).containsExactly(rich, bare);
  }

  @Test
  default void the_history_of_an_unknown_contact_or_another_workspaces_contact_is_empty() {
    contact("b", "c1");
    events().append("b", opens("c1", "k1"), RECEIVED);

    assertThat(events().history("a", "c1")).isEmpty();
    assertThat(events().history("b", "nobody")).isEmpty();
  }

  @Test
  default void histories_stream_every_contact_of_the_workspace_with_its_events() {
    var contacts = contacts();
    contacts.save(
        "a",
        new ContactRecord(
            "c1",
            "ann@x.io",
            List.of(new ExternalId("mailchimp", "42")),
            io.leadscore.domain.contact.Contact.EMPTY,
            T0,
            T0));
    contact("a", "c2");
    contact("a", "quiet");
    contact("b", "c1");
    var store = events();
    store.append("a", opens("c1", "k2", "k1", "k3"), RECEIVED);
    store.append("a", opens("c2", "x1"), RECEIVED);
    store.append("b", opens("c1", "other"), RECEIVED);

    Map<String, ContactHistory> histories;
    try (Stream<ContactHistory> stream = store.histories("a")) {
      histories =
          stream.collect(Collectors.toMap(history -> history.contact().id(), Function.identity()));
    }

    assertThat(histories).containsOnlyKeys("c1", "c2", "quiet");
    assertThat(histories.get("c1").contact())
        .isEqualTo(contacts.find("a", new ContactIdentity.ById("c1")).orElseThrow());
    assertThat(histories.get("c1").events()).isEqualTo(store.history("a", "c1"));
    assertThat(histories.get("c1").events())
        .extracting(Event::eventKey)
        .containsExactly("k2", "k1", "k3");
    assertThat(histories.get("c2").events()).extracting(Event::eventKey).containsExactly("x1");
    assertThat(histories.get("quiet").events()).isEmpty();
  }

  @Test
  default void histories_of_a_workspace_without_contacts_is_empty() {
    contact("b", "c1");
    try (Stream<ContactHistory> stream = events().histories("a")) {
      assertThat(stream).isEmpty();
    }
  }

  @Test
  default void histories_of_given_contacts_leave_out_unknown_ones() {
    contact("a", "c1");
    contact("a", "c2");
    contact("b", "c3");
    var store = events();
    store.append("a", opens("c1", "k1", "k2"), RECEIVED);
    store.append("b", opens("c3", "k3"), RECEIVED);

    List<ContactHistory> histories = store.histories("a", List.of("c1", "c2", "c3", "nobody"));

    assertThat(histories)
        .extracting(history -> history.contact().id())
        .containsExactlyInAnyOrder("c1", "c2");
    assertThat(histories)
        .filteredOn(history -> history.contact().id().equals("c1"))
        .singleElement()
        .satisfies(
            history ->
                assertThat(history.events())
                    .extracting(Event::eventKey)
                    .containsExactly("k1", "k2"));
    assertThat(store.histories("a", List.of())).isEmpty();
  }

  @Test
  default void erasing_a_contacts_events_leaves_every_other_event() {
    contact("a", "c1");
    contact("a", "c2");
    contact("b", "c1");
    var store = events();
    store.append("a", opens("c1", "k1", "k2"), RECEIVED);
    store.append("a", opens("c2", "k3"), RECEIVED);
    store.append("b", opens("c1", "k4"), RECEIVED);

    assertThat(store.eraseContact("a", "c1")).isEqualTo(2);

    assertThat(store.history("a", "c1")).isEmpty();
    assertThat(store.history("a", "c2")).hasSize(1);
    assertThat(store.history("b", "c1")).hasSize(1);
    assertThat(store.eraseContact("a", "c1")).isZero();
    assertThat(store.append("a", opens("c1", "k1"), RECEIVED)).containsExactly(true);
  }

  @Test
  default void a_large_append_with_duplicates_reports_each_event() {
    int contactsCount = 20;
    for (int c = 0; c < contactsCount; c++) {
      contact("a", "c" + c);
    }
    var first = new ArrayList<NewEvent>();
    for (int i = 0; i < 3_000; i += 2) {
      first.add(
          newEvent("c" + (i % contactsCount), event("k" + i, "page.viewed", T0.plusSeconds(i))));
    }
    var store = events();
    store.append("a", first, RECEIVED);
    var second = new ArrayList<NewEvent>();
    for (int i = 0; i < 3_000; i++) {
      second.add(
          newEvent("c" + (i % contactsCount), event("k" + i, "page.viewed", T0.plusSeconds(i))));
    }

    boolean[] stored = store.append("a", second, RECEIVED);

    for (int i = 0; i < stored.length; i++) {
      assertThat(stored[i]).as("event k%d stored", i).isEqualTo(i % 2 == 1);
    }
    int total = 0;
    for (int c = 0; c < contactsCount; c++) {
      total += store.history("a", "c" + c).size();
    }
    assertThat(total).isEqualTo(3_000);
  }
}
