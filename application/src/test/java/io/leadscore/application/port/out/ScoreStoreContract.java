package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.domain.engine.LeadScore.Contribution;
import io.leadscore.domain.engine.LeadScore.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScoreStore} must do. The leaderboard order is score descending, then contact id
 * in code-point order ("B" before "a"). Implementations give empty storage per test.
 */
public interface ScoreStoreContract {
  ScoreStore scores();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  String MODEL = "b2b";

  private static MaterialisedScore score(String contactId, double score) {
    return score(contactId, score, "warm", "B", List.of());
  }

  private static MaterialisedScore score(
      String contactId, double score, String tier, String grade, List<String> topics) {
    return new MaterialisedScore(
        contactId, MODEL, 1, score, score / 2, score / 2, tier, grade, topics, List.of(), T0, null);
  }

  private static LeaderboardFilter all() {
    return new LeaderboardFilter(MODEL, null, null, null);
  }

  private static List<String> ids(List<MaterialisedScore> rows) {
    return rows.stream().map(MaterialisedScore::contactId).toList();
  }

  @Test
  default void a_put_row_is_found_with_every_field() {
    var scores = scores();
    var full =
        new MaterialisedScore(
            "c1",
            MODEL,
            3,
            87.25,
            40.5,
            46.75,
            "hot",
            "A",
            List.of("pricing", "api"),
            List.of(
                new Contribution("visited pricing", Kind.ENGAGEMENT, 3, 30.125),
                new Contribution("is a CTO", Kind.FIT, 1, 20)),
            T0,
            T0.plusSeconds(3600),
            7);
    var bare =
        new MaterialisedScore("c2", MODEL, 1, 0, 0, 0, null, null, List.of(), List.of(), T0, null);

    scores.put("a", List.of(full, bare));

    assertThat(scores.find("a", MODEL, "c1")).contains(full);
    assertThat(scores.find("a", MODEL, "c2")).contains(bare);
    assertThat(scores.find("a", "other model", "c1")).isEmpty();
  }

  @Test
  default void lock_gives_the_stored_rows_of_the_contacts_with_their_revisions() {
    var scores = scores();
    var stored =
        new MaterialisedScore(
            "c1", MODEL, 2, 40, 20, 20, "warm", "B", List.of(), List.of(), T0, null, 12);
    scores.put("a", List.of(stored, score("c2", 5)));

    var locked = scores.lock("a", MODEL, List.of("c1", "c3"));

    assertThat(locked).containsOnlyKeys("c1");
    assertThat(locked.get("c1")).isEqualTo(stored);
    assertThat(locked.get("c1").contactRevision()).isEqualTo(12);
  }

  @Test
  default void put_replaces_a_row() {
    var scores = scores();
    scores.put("a", List.of(score("c1", 10, "cold", "C", List.of("api"))));
    var replaced = score("c1", 90, "hot", "A", List.of("pricing"));

    scores.put("a", List.of(replaced));

    assertThat(scores.find("a", MODEL, "c1")).contains(replaced);
    assertThat(
            ids(scores.leaderboard("a", new LeaderboardFilter(MODEL, null, null, "api"), null, 10)))
        .isEmpty();
    assertThat(
            ids(
                scores.leaderboard(
                    "a", new LeaderboardFilter(MODEL, null, null, "pricing"), null, 10)))
        .containsExactly("c1");
  }

  @Test
  default void rows_of_several_contacts_are_found_by_contact_id() {
    var scores = scores();
    scores.put("a", List.of(score("c1", 1), score("c2", 2)));
    scores.put("b", List.of(score("c3", 3)));

    assertThat(scores.find("a", MODEL, List.of("c1", "c2", "c3", "nobody")))
        .containsOnlyKeys("c1", "c2")
        .containsEntry("c2", score("c2", 2));
    assertThat(scores.find("a", MODEL, List.of())).isEmpty();
  }

  @Test
  default void the_leaderboard_ranks_by_score_then_contact_id_in_code_point_order() {
    var scores = scores();
    scores.put(
        "a",
        List.of(
            score("a", 50), score("B", 50), score("top", 99.5), score("low", -3), score("_", 50)));

    assertThat(ids(scores.leaderboard("a", all(), null, 10)))
        .containsExactly("top", "B", "_", "a", "low");
    assertThat(ids(scores.leaderboard("a", all(), null, 2))).containsExactly("top", "B");
  }

  @Test
  default void the_leaderboard_filters_by_tier_grade_and_topic() {
    var scores = scores();
    scores.put(
        "a",
        List.of(
            score("c1", 90, "hot", "A", List.of("pricing", "api")),
            score("c2", 80, "hot", "B", List.of("api")),
            score("c3", 70, "warm", "A", List.of("pricing")),
            score("c4", 60, null, null, List.of())));

    assertThat(
            ids(scores.leaderboard("a", new LeaderboardFilter(MODEL, "hot", null, null), null, 10)))
        .containsExactly("c1", "c2");
    assertThat(
            ids(scores.leaderboard("a", new LeaderboardFilter(MODEL, null, "A", null), null, 10)))
        .containsExactly("c1", "c3");
    assertThat(
            ids(
                scores.leaderboard(
                    "a", new LeaderboardFilter(MODEL, null, null, "pricing"), null, 10)))
        .containsExactly("c1", "c3");
    assertThat(
            ids(scores.leaderboard("a", new LeaderboardFilter(MODEL, "hot", "B", "api"), null, 10)))
        .containsExactly("c2");
    assertThat(
            ids(
                scores.leaderboard(
                    "a", new LeaderboardFilter(MODEL, "cold", null, null), null, 10)))
        .isEmpty();
  }

  @Test
  default void keyset_pages_cover_every_row_exactly_once_in_order() {
    var scores = scores();
    var rows = new ArrayList<MaterialisedScore>();
    for (int i = 0; i < 57; i++) {
      // many ties: 8 distinct scores; ids whose code-point order differs from numeric order
      rows.add(score("c" + i, (i % 8) * 12.5, "hot", "A", List.of("api")));
    }
    scores.put("a", rows);

    for (var filter :
        List.of(
            all(),
            new LeaderboardFilter(MODEL, "hot", "A", null),
            new LeaderboardFilter(MODEL, null, null, "api"))) {
      List<MaterialisedScore> whole = scores.leaderboard("a", filter, null, 1_000);
      var paged = new ArrayList<MaterialisedScore>();
      LeaderboardPosition after = null;
      for (int page = 0; page < 20; page++) {
        List<MaterialisedScore> rowsOfPage = scores.leaderboard("a", filter, after, 10);
        if (rowsOfPage.isEmpty()) {
          break;
        }
        paged.addAll(rowsOfPage);
        MaterialisedScore last = rowsOfPage.getLast();
        after = new LeaderboardPosition(last.score(), last.contactId());
      }

      assertThat(whole).hasSize(57);
      assertThat(new HashSet<>(ids(whole))).hasSize(57);
      assertThat(paged).isEqualTo(whole);
      for (int i = 1; i < whole.size(); i++) {
        MaterialisedScore before = whole.get(i - 1);
        MaterialisedScore current = whole.get(i);
        assertThat(
                before.score() > current.score()
                    || (before.score() == current.score()
                        && before.contactId().compareTo(current.contactId()) < 0))
            .as("%s before %s", before, current)
            .isTrue();
      }
    }
  }

  @Test
  default void a_page_starts_strictly_after_its_position() {
    var scores = scores();
    scores.put("a", List.of(score("c1", 90), score("c2", 50), score("c3", 50), score("c4", 10)));

    assertThat(ids(scores.leaderboard("a", all(), new LeaderboardPosition(50, "c2"), 10)))
        .containsExactly("c3", "c4");
    assertThat(ids(scores.leaderboard("a", all(), new LeaderboardPosition(60, "zzz"), 10)))
        .containsExactly("c2", "c3", "c4");
    assertThat(ids(scores.leaderboard("a", all(), new LeaderboardPosition(10, "c4"), 10)))
        .isEmpty();
  }

  @Test
  default void rows_of_another_workspace_or_model_are_never_seen_or_touched() {
    var scores = scores();
    scores.put("b", List.of(score("c1", 90, "hot", "A", List.of("api"))));
    var otherModel =
        new MaterialisedScore(
            "c2", "other", 1, 95, 0, 0, "hot", "A", List.of("api"), List.of(), T0, null);
    scores.put("a", List.of(otherModel, score("c3", 10, "hot", "A", List.of("api"))));

    assertThat(scores.find("a", MODEL, "c1")).isEmpty();
    for (var filter :
        List.of(
            all(),
            new LeaderboardFilter(MODEL, "hot", "A", null),
            new LeaderboardFilter(MODEL, null, null, "api"))) {
      assertThat(ids(scores.leaderboard("a", filter, null, 10))).containsExactly("c3");
    }
    try (Stream<MaterialisedScore> stream = scores.all("a", MODEL)) {
      assertThat(stream.map(MaterialisedScore::contactId)).containsExactly("c3");
    }
    scores.eraseContact("a", "c1");
    assertThat(scores.find("b", MODEL, "c1")).isPresent();
  }

  @Test
  default void all_streams_every_row_of_the_model() {
    var scores = scores();
    var rows = new ArrayList<MaterialisedScore>();
    for (int i = 0; i < 25; i++) {
      rows.add(score("c" + i, i));
    }
    scores.put("a", rows);

    try (Stream<MaterialisedScore> stream = scores.all("a", MODEL)) {
      assertThat(stream.toList()).containsExactlyInAnyOrderElementsOf(rows);
    }
  }

  @Test
  default void erasing_a_contact_removes_its_rows_under_every_model() {
    var scores = scores();
    var otherModel =
        new MaterialisedScore(
            "c1", "other", 1, 95, 0, 0, "hot", "A", List.of("api"), List.of(), T0, null);
    scores.put(
        "a", List.of(score("c1", 50, "hot", "A", List.of("api")), otherModel, score("c2", 40)));

    scores.eraseContact("a", "c1");

    assertThat(scores.find("a", MODEL, "c1")).isEmpty();
    assertThat(scores.find("a", "other", "c1")).isEmpty();
    assertThat(
            ids(scores.leaderboard("a", new LeaderboardFilter(MODEL, null, null, "api"), null, 10)))
        .isEmpty();
    assertThat(ids(scores.leaderboard("a", all(), null, 10))).containsExactly("c2");
  }

  @Test
  default void due_rows_are_those_whose_refresh_time_has_come_in_any_workspace() {
    var scores = scores();
    scores.put(
        "a",
        List.of(
            withRefreshAt("due-a", T0.minusSeconds(60)),
            withRefreshAt("later", T0.plusSeconds(1)),
            withRefreshAt("never", null)));
    scores.put("b", List.of(withRefreshAt("due-b", T0)));

    assertThat(scores.dueForRefresh(T0, 10))
        .containsExactlyInAnyOrder(new ContactRef("a", "due-a"), new ContactRef("b", "due-b"));
    assertThat(scores.dueForRefresh(T0, 1)).hasSize(1);
    assertThat(scores.dueForRefresh(T0.minusSeconds(3600), 10)).isEmpty();
  }

  private static MaterialisedScore withRefreshAt(String contactId, Instant refreshAt) {
    return new MaterialisedScore(
        contactId, MODEL, 1, 10, 5, 5, null, null, List.of(), List.of(), T0, refreshAt);
  }
}
