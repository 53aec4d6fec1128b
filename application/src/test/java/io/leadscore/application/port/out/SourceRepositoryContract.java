package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link SourceRepository} must do. Implementations give empty storage per test. */
public interface SourceRepositoryContract {
  SourceRepository sources();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  String HASH = "ab".repeat(32);

  /**
   * A source fixture: settings with nested values, every-15-minutes schedule, due at {@code next}.
   */
  static Source aSource(String id, String workspace, Instant next) {
    return new Source(
        id,
        workspace,
        "fake",
        "Newsletter " + id,
        Map.of(
            "apiKey",
            "secret-us6",
            "backfillDays",
            365,
            "ratio",
            0.5,
            "mergeFields",
            Map.of("industry", "IND"),
            "lists",
            List.of("a", true)),
        Schedule.of("PT15M"),
        Map.of("tierTag", true, "scoreField", "LSCORE"),
        HASH,
        null,
        next,
        T0);
  }

  @Test
  default void a_created_source_is_found_in_its_workspace_and_by_id_alone() {
    var sources = sources();
    Source source = aSource("src_1", "a", T0);

    sources.create(source);

    assertThat(sources.find("a", "src_1")).contains(source);
    assertThat(sources.find("b", "src_1")).isEmpty();
    assertThat(sources.findById("src_1")).contains(source);
    assertThat(sources.findById("src_2")).isEmpty();
    assertThat(sources.find("a", "src_1").orElseThrow().settings().get("backfillDays"))
        .isEqualTo(365L);
  }

  @Test
  default void a_source_with_no_schedule_and_no_write_back_reads_back_equal() {
    var sources = sources();
    var source =
        new Source(
            "src_1",
            "a",
            "fake",
            "Plain",
            Map.of(),
            Schedule.of("0 */6 * * 1-5"),
            Map.of(),
            HASH,
            null,
            null,
            T0);

    sources.create(source);

    assertThat(sources.find("a", "src_1")).contains(source);
  }

  @Test
  default void a_workspace_lists_only_its_own_sources_oldest_first() {
    var sources = sources();
    sources.create(aSource("src_2", "a", null));
    sources.create(
        new Source(
            "src_1",
            "a",
            "fake",
            "Old",
            Map.of(),
            new Schedule.None(),
            Map.of(),
            HASH,
            null,
            null,
            T0.minusSeconds(60)));
    sources.create(aSource("src_3", "b", null));

    assertThat(sources.list("a")).extracting(Source::id).containsExactly("src_1", "src_2");
    assertThat(sources.list("c")).isEmpty();
  }

  @Test
  default void the_cursor_moves_only_from_the_value_expected() {
    var sources = sources();
    sources.create(aSource("src_1", "a", null));

    assertThat(sources.advanceCursor("a", "src_1", "x", "y")).isFalse();
    assertThat(sources.advanceCursor("b", "src_1", null, "p1")).isFalse();
    assertThat(sources.advanceCursor("a", "src_1", null, "p1")).isTrue();
    assertThat(sources.advanceCursor("a", "src_1", null, "p2")).isFalse();
    assertThat(sources.advanceCursor("a", "src_1", "p1", "p2")).isTrue();
    assertThat(sources.find("a", "src_1").orElseThrow().cursor()).isEqualTo("p2");
    assertThat(sources.advanceCursor("a", "src_9", null, "p1")).isFalse();
  }

  @Test
  default void due_sources_come_from_every_workspace_earliest_first() {
    var sources = sources();
    sources.create(aSource("src_1", "a", T0.plusSeconds(10)));
    sources.create(aSource("src_2", "b", T0));
    sources.create(aSource("src_3", "a", T0.plusSeconds(3600)));
    sources.create(aSource("src_4", "a", null));

    assertThat(sources.due(T0.plusSeconds(10), 10))
        .extracting(Source::id)
        .containsExactly("src_2", "src_1");
    assertThat(sources.due(T0.plusSeconds(10), 1)).extracting(Source::id).containsExactly("src_2");
    assertThat(sources.due(T0.minusSeconds(1), 10)).isEmpty();
  }

  @Test
  default void of_two_reschedules_from_the_same_due_time_only_one_wins() {
    var sources = sources();
    sources.create(aSource("src_1", "a", T0));
    Instant next = T0.plus(Duration.ofMinutes(15));

    assertThat(sources.reschedule("a", "src_1", T0, next)).isTrue();
    assertThat(sources.reschedule("a", "src_1", T0, next)).isFalse();
    assertThat(sources.find("a", "src_1").orElseThrow().nextSyncAt()).isEqualTo(next);
    assertThat(sources.reschedule("a", "src_1", next, null)).isTrue();
    assertThat(sources.find("a", "src_1").orElseThrow().nextSyncAt()).isNull();
    assertThat(sources.due(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    assertThat(sources.reschedule("b", "src_1", null, T0)).isFalse();
  }
}
