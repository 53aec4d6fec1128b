package io.leadscore.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.fake.JacksonDocuments;
import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.application.scoring.ScoreMaterialiser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conditional score write ({@link ScoreMaterialiser}): a row computed from an older revision of
 * a contact never replaces a fresher one, tier changes are told only for rows written, and a
 * contact whose row could not be written exactly is marked for refresh again.
 */
class ScoreMaterialiserTest {
  private final Scenario scenario = new Scenario().published(10);
  private final LiveModels liveModels =
      new LiveModels(scenario.db.models(), new JacksonDocuments());
  private final ScoreMaterialiser materialiser =
      new ScoreMaterialiser(
          scenario.db.contacts(),
          scenario.db.scores(),
          scenario.db.notifier(),
          scenario.db.refreshQueue(),
          liveModels);
  private final ContactRecord contact =
      scenario
          .db
          .contacts()
          .findOrCreate(Scenario.WS, new ContactIdentity.ById("c1"), "c1", Scenario.START);

  private MaterialisedScore storedHot(int version, long revision) {
    var row =
        new MaterialisedScore(
            "c1",
            Scenario.MODEL,
            version,
            80,
            0,
            80,
            "hot",
            "A",
            List.of(),
            List.of(),
            Scenario.START,
            null,
            revision);
    scenario.db.scores().put(Scenario.WS, List.of(row));
    return row;
  }

  private ScoreMaterialiser.Outcome materialise(LiveModels.Live live, long revision) {
    // no events: the contact scores 0, cold
    var history = new ContactHistory(contact, List.of(), revision);
    return scenario
        .db
        .transactions()
        .inTransaction(
            () ->
                materialiser.materialise(
                    Scenario.WS, live, List.of(history), Scenario.START.plusSeconds(60)));
  }

  @Test
  void a_row_from_an_older_revision_leaves_the_fresher_row_and_tells_nothing() {
    var live = liveModels.requireLive(Scenario.WS, Scenario.MODEL);
    MaterialisedScore stored = storedHot(live.version(), 5);
    int told = scenario.db.notifications().size();

    var outcome = materialise(live, 4);

    assertThat(outcome.written()).isZero();
    assertThat(outcome.tierChanges()).isZero();
    assertThat(scenario.db.scores().find(Scenario.WS, Scenario.MODEL, "c1")).contains(stored);
    assertThat(scenario.db.notifications()).hasSize(told);
    assertThat(scenario.db.refreshQueue().size()).as("the stored row is exact").isZero();
  }

  @Test
  void a_row_from_a_newer_revision_replaces_and_tells_the_change_from_the_row_it_replaced() {
    var live = liveModels.requireLive(Scenario.WS, Scenario.MODEL);
    storedHot(live.version(), 5);

    var outcome = materialise(live, 6);

    assertThat(outcome.written()).isEqualTo(1);
    var row = scenario.db.scores().find(Scenario.WS, Scenario.MODEL, "c1").orElseThrow();
    assertThat(row.tier()).isEqualTo("cold");
    assertThat(row.contactRevision()).isEqualTo(6);
    var change = scenario.db.notifications().get(scenario.db.notifications().size() - 1);
    assertThat(change.from()).isEqualTo("hot");
    assertThat(change.to()).isEqualTo("cold");
  }

  @Test
  void a_row_scored_under_a_version_no_longer_live_is_not_written_and_the_contact_is_marked() {
    var old = liveModels.requireLive(Scenario.WS, Scenario.MODEL);
    MaterialisedScore stored = storedHot(old.version(), 5);
    scenario.app.saveDraft.save(
        new SaveModelDraftCommand(Scenario.WS, Scenario.MODEL, Scenario.webModel(20)));
    scenario.app.publish.publishDraft(Scenario.WS, Scenario.MODEL); // its job not run yet

    var outcome = materialise(old, 6);

    assertThat(outcome.written()).isZero();
    assertThat(scenario.db.scores().find(Scenario.WS, Scenario.MODEL, "c1")).contains(stored);
    assertThat(scenario.db.refreshQueue().claim(10))
        .extracting(ref -> ref.contactId())
        .contains("c1");
  }
}
