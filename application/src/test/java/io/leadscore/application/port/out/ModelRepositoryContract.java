package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModelRepository} must do. Adding a version to, or making live, a model or
 * version the workspace does not have is an {@link IllegalArgumentException}. Implementations give
 * empty storage per test.
 */
public interface ModelRepositoryContract {
  ModelRepository models();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  ModelDocument YAML =
      new ModelDocument("# a comment kept as written\nname: b2b\n", DocumentFormat.YAML);
  ModelDocument JSON = new ModelDocument("{\"name\": \"b2b\", \"tiers\": []}", DocumentFormat.JSON);

  @Test
  default void saving_a_draft_creates_the_model_with_no_live_version() {
    var models = models();

    models.saveDraft("a", "b2b", YAML, T0);

    assertThat(models.find("a", "b2b")).contains(new StoredModel("b2b", YAML, T0, 0, List.of()));
  }

  @Test
  default void the_live_version_is_read_alone_and_absent_for_an_unknown_model() {
    var models = models();
    models.saveDraft("a", "b2b", YAML, T0);
    assertThat(models.liveVersion("a", "b2b")).contains(0);
    models.addVersion("a", "b2b", YAML, T0.plusSeconds(1));
    models.setLive("a", "b2b", 1, T0.plusSeconds(1));

    assertThat(models.liveVersion("a", "b2b")).contains(1);
    assertThat(models.liveVersion("a", "nope")).isEmpty();
    assertThat(models.liveVersion("b", "b2b")).isEmpty();
  }

  @Test
  default void saving_a_draft_again_replaces_only_the_draft() {
    var models = models();
    models.saveDraft("a", "b2b", YAML, T0);
    models.addVersion("a", "b2b", YAML, T0.plusSeconds(1));
    models.setLive("a", "b2b", 1, T0.plusSeconds(1));

    models.saveDraft("a", "b2b", JSON, T0.plusSeconds(2));

    assertThat(models.find("a", "b2b"))
        .contains(
            new StoredModel(
                "b2b",
                JSON,
                T0.plusSeconds(2),
                1,
                List.of(new ModelVersion(1, YAML, T0.plusSeconds(1)))));
  }

  @Test
  default void versions_are_numbered_from_one_and_kept_oldest_first() {
    var models = models();
    models.saveDraft("a", "b2b", YAML, T0);

    assertThat(models.addVersion("a", "b2b", YAML, T0.plusSeconds(1))).isEqualTo(1);
    assertThat(models.addVersion("a", "b2b", JSON, T0.plusSeconds(2))).isEqualTo(2);

    assertThat(models.find("a", "b2b").orElseThrow().versions())
        .containsExactly(
            new ModelVersion(1, YAML, T0.plusSeconds(1)),
            new ModelVersion(2, JSON, T0.plusSeconds(2)));
  }

  @Test
  default void any_version_can_be_made_live_again() {
    var models = models();
    models.saveDraft("a", "b2b", YAML, T0);
    models.addVersion("a", "b2b", YAML, T0);
    models.addVersion("a", "b2b", JSON, T0);

    models.setLive("a", "b2b", 2, T0);
    assertThat(models.find("a", "b2b").orElseThrow().live())
        .get()
        .extracting(ModelVersion::number)
        .isEqualTo(2);

    models.setLive("a", "b2b", 1, T0);
    assertThat(models.find("a", "b2b").orElseThrow().liveVersion()).isEqualTo(1);
  }

  @Test
  default void an_unknown_model_or_version_is_refused() {
    var models = models();
    models.saveDraft("a", "b2b", YAML, T0);

    assertThatThrownBy(() -> models.addVersion("a", "nope", YAML, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> models.setLive("a", "b2b", 1, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> models.setLive("a", "nope", 1, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(models.find("a", "b2b").orElseThrow().versions()).isEmpty();
  }

  @Test
  default void a_workspace_lists_its_models_by_id_in_code_point_order() {
    var models = models();
    models.saveDraft("a", "b", YAML, T0);
    models.saveDraft("a", "a", YAML, T0);
    models.saveDraft("a", "B", YAML, T0);
    models.addVersion("a", "a", JSON, T0);
    models.saveDraft("b", "other", YAML, T0);

    List<StoredModel> listed = models.list("a");

    assertThat(listed).extracting(StoredModel::id).containsExactly("B", "a", "b");
    assertThat(listed.get(1).versions()).containsExactly(new ModelVersion(1, JSON, T0));
    assertThat(models.list("c")).isEmpty();
  }

  @Test
  default void models_of_another_workspace_are_never_seen_or_touched() {
    var models = models();
    models.saveDraft("b", "b2b", YAML, T0);
    models.addVersion("b", "b2b", YAML, T0);

    assertThat(models.find("a", "b2b")).isEmpty();
    assertThatThrownBy(() -> models.addVersion("a", "b2b", JSON, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> models.setLive("a", "b2b", 1, T0))
        .isInstanceOf(IllegalArgumentException.class);
    models.saveDraft("a", "b2b", JSON, T0.plusSeconds(1));

    assertThat(models.find("b", "b2b"))
        .contains(new StoredModel("b2b", YAML, T0, 0, List.of(new ModelVersion(1, YAML, T0))));
    assertThat(models.find("a", "b2b").orElseThrow().versions()).isEmpty();
  }
}
