package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of two score rows of a contact is fresher ({@link MaterialisedScore#replaces}). */
class MaterialisedScoreTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static MaterialisedScore row(int version, long revision, Instant computedAt) {
    return new MaterialisedScore(
        "c1",
        "web",
        version,
        10,
        5,
        5,
        "cold",
        null,
        List.of(),
        List.of(),
        computedAt,
        null,
        revision);
  }

  @Test
  void a_row_from_a_later_revision_replaces_one_from_an_earlier_one_whenever_computed() {
    assertThat(row(1, 5, T0).replaces(row(1, 4, T0.plusSeconds(60)))).isTrue();
  }

  @Test
  void a_row_from_an_earlier_revision_never_replaces_one_from_a_later_one() {
    // a re-score's snapshot, read before the events a refresh has already scored
    assertThat(row(2, 4, T0.plusSeconds(60)).replaces(row(1, 5, T0))).isFalse();
    assertThat(row(1, 4, T0.plusSeconds(60)).replaces(row(1, 5, T0))).isFalse();
  }

  @Test
  void of_the_same_revision_another_version_replaces_and_the_same_version_only_if_not_older() {
    assertThat(row(2, 5, T0).replaces(row(1, 5, T0.plusSeconds(60)))).isTrue();
    assertThat(row(1, 5, T0.plusSeconds(60)).replaces(row(1, 5, T0))).isTrue();
    assertThat(row(1, 5, T0).replaces(row(1, 5, T0))).isTrue();
    assertThat(row(1, 5, T0).replaces(row(1, 5, T0.plusSeconds(60)))).isFalse();
  }

  @Test
  void a_negative_revision_is_refused() {
    assertThatThrownBy(() -> row(1, -1, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contactRevision");
  }
}
