package io.leadscore.application.service;

import static io.leadscore.application.service.Scenario.MODEL;
import static io.leadscore.application.service.Scenario.WS;
import static io.leadscore.application.service.Scenario.click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.Publication;
import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.in.SimulateModelQuery;
import io.leadscore.application.port.in.Simulation;
import io.leadscore.application.port.in.UnreadableDocumentException;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.JobState;
import io.leadscore.application.port.out.ModelDocument;
import io.leadscore.domain.reading.Problem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelLifecycleTest {
  private final Scenario scenario = new Scenario();

  @Test
  void an_invalid_draft_reports_every_problem_with_its_path_and_stores_nothing() {
    var broken =
        new ModelDocument(
            """
            id: web
            name: Web
            engagement:
              - { id: click, points: ten, on: email.clicked }
              - { id: click, points: 5, on: Email, decay: { halfLife: soon } }
            """,
            DocumentFormat.YAML);

    assertThatThrownBy(
            () -> scenario.app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, broken)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .contains(
                        "engagement[0].points",
                        "engagement[1].id",
                        "engagement[1].on",
                        "engagement[1].decay.halfLife"));
    assertThat(scenario.app.getModel.list(WS)).isEmpty();
  }

  @Test
  void the_document_id_must_be_the_model_id_of_the_request() {
    assertThatThrownBy(
            () ->
                scenario.app.saveDraft.save(
                    new SaveModelDraftCommand(WS, "other", Scenario.webModel(10))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problems()).extracting(Problem::path).containsExactly("id"));
  }

  @Test
  void text_that_is_not_yaml_is_unreadable() {
    var garbage = new ModelDocument("id: [unclosed", DocumentFormat.YAML);
    assertThatThrownBy(
            () -> scenario.app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, garbage)))
        .isInstanceOf(UnreadableDocumentException.class);
  }

  @Test
  void publishing_makes_version_n_plus_1_live_and_rescoring_every_contact() {
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T00:00:00Z"));
    scenario.app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, Scenario.webModel(10)));

    Publication first = scenario.app.publish.publishDraft(WS, MODEL);
    scenario.app.runAllJobs();

    assertThat(first.version()).isEqualTo(1);
    assertThat(scenario.app.getJob.get(WS, first.rescore().id()).state())
        .isEqualTo(JobState.SUCCEEDED);
    assertThat(scenario.app.getJob.get(WS, first.rescore().id()).done()).isEqualTo(1);
    String ada = scenario.app.leaderboard.read(query()).items().get(0).contactId();
    assertThat(scenario.db.scores().find(WS, MODEL, ada).orElseThrow().score()).isEqualTo(10);

    scenario.app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, Scenario.webModel(40)));
    Publication second = scenario.app.publish.publishDraft(WS, MODEL);
    scenario.app.runAllJobs();

    assertThat(second.version()).isEqualTo(2);
    assertThat(scenario.app.getModel.get(WS, MODEL).liveVersion()).isEqualTo(2);
    assertThat(scenario.db.scores().find(WS, MODEL, ada).orElseThrow().score()).isEqualTo(40);
    assertThat(scenario.db.scores().find(WS, MODEL, ada).orElseThrow().tier()).isEqualTo("warm");

    scenario.app.publish.publishVersion(WS, MODEL, 1);
    scenario.app.runAllJobs();

    assertThat(scenario.app.getModel.get(WS, MODEL).liveVersion()).isEqualTo(1);
    assertThat(scenario.app.getModel.get(WS, MODEL).versions()).hasSize(2);
    assertThat(scenario.db.scores().find(WS, MODEL, ada).orElseThrow().score()).isEqualTo(10);
  }

  @Test
  void a_tier_change_after_a_publish_is_notified_once() {
    scenario.published(10);
    scenario.ingest(click("k1", "ada@example.com", "2026-11-01T00:00:00Z"));
    scenario.app.refreshAll();
    assertThat(scenario.db.notifications()).isEmpty(); // first scored into the lowest tier

    scenario.app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, Scenario.webModel(40)));
    scenario.app.publish.publishDraft(WS, MODEL);
    scenario.app.runAllJobs();

    assertThat(scenario.db.notifications())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.from()).isEqualTo("cold");
              assertThat(change.to()).isEqualTo("warm");
              assertThat(change.model()).isEqualTo(MODEL);
            });
  }

  @Test
  void a_foreground_rescore_scores_every_contact_and_reports_it_as_a_finished_job() {
    scenario.published(10);
    scenario.ingest(
        click("k1", "ada@example.com", "2026-11-01T00:00:00Z"),
        click("k2", "bob@example.com", "2026-11-01T00:00:00Z"));

    var job = scenario.app.rescore.rescore(WS, MODEL);

    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.done()).isEqualTo(2);
    assertThat(job.total()).isEqualTo(2);
    assertThat(job.counts()).containsEntry("contacts", 2L);
    assertThat(scenario.app.leaderboard.read(query()).items()).hasSize(2);
    assertThatThrownBy(() -> scenario.app.rescore.rescore(WS, "nope"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void publishing_without_a_draft_or_an_unknown_version_is_refused() {
    assertThatThrownBy(() -> scenario.app.publish.publishDraft(WS, MODEL))
        .isInstanceOf(NotFoundException.class);
    scenario.published(10);
    assertThatThrownBy(() -> scenario.app.publish.publishVersion(WS, MODEL, 7))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> scenario.app.getModel.get("other", MODEL))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void a_simulation_compares_the_draft_with_the_live_version_on_the_whole_history() {
    scenario.published(10);
    scenario.ingest(
        click("a1", "ada@example.com", "2026-11-01T00:00:00Z"),
        click("a2", "ada@example.com", "2026-11-01T01:00:00Z"),
        click("b1", "bob@example.com", "2026-11-01T00:00:00Z"));
    scenario.app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, Scenario.webModel(20)));

    Simulation simulation =
        scenario.app.simulate.simulate(
            new SimulateModelQuery(WS, MODEL, null, Instant.parse("2026-11-01T02:00:00Z")));

    assertThat(simulation.contacts()).isEqualTo(2);
    assertThat(simulation.liveVersion()).isEqualTo(1);
    assertThat(simulation.before())
        .containsExactly(
            new Simulation.TierCount("cold", 2),
            new Simulation.TierCount("warm", 0),
            new Simulation.TierCount("hot", 0));
    assertThat(simulation.after())
        .containsExactly(
            new Simulation.TierCount("cold", 1),
            new Simulation.TierCount("warm", 1),
            new Simulation.TierCount("hot", 0));
    assertThat(simulation.moves()).containsExactly(new Simulation.TierMove("cold", "warm", 1));
    assertThat(simulation.biggestMovers()).hasSize(2);
    assertThat(simulation.biggestMovers().get(0).change())
        .isCloseTo(20, org.assertj.core.data.Offset.offset(0.1));
    assertThat(simulation.biggestMovers().get(0).after().breakdown()).isNotEmpty();
    // read-only: the live version and the stored draft are untouched
    assertThat(scenario.app.getModel.get(WS, MODEL).liveVersion()).isEqualTo(1);
  }

  @Test
  void simulating_needs_a_draft_or_an_inline_document() {
    assertThatThrownBy(
            () ->
                scenario.app.simulate.simulate(
                    new SimulateModelQuery(WS, MODEL, null, Scenario.START)))
        .isInstanceOf(NotFoundException.class);
    scenario.published(10);
    scenario.db.models().saveDraft(WS, MODEL, Scenario.webModel(10), Scenario.START);
    Simulation inline =
        scenario.app.simulate.simulate(
            new SimulateModelQuery(WS, MODEL, Scenario.webModel(99), Scenario.START));
    assertThat(inline.moves()).isEmpty();
  }

  private static io.leadscore.application.port.in.LeaderboardQuery query() {
    return new io.leadscore.application.port.in.LeaderboardQuery(
        WS, MODEL, null, null, null, 50, null);
  }
}
