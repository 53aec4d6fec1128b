package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.LeaderboardFilter;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.ScoreStoreContract;
import io.leadscore.domain.engine.LeadScore.Contribution;
import io.leadscore.domain.engine.LeadScore.Kind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ScoreStoreContract} on {@link JdbiScoreStore}: on H2 (JDBC batches), on PostgreSQL through
 * {@code COPY} and a staging table (the default there), and on PostgreSQL through the JDBC batches.
 * Also what the text encoding of the {@code COPY} path must get right, on all three.
 */
class JdbiScoreStoreIT {
  abstract static class On implements ScoreStoreContract {
    abstract TestDatabase db();

    boolean copyOnPostgres() {
      return true;
    }

    @Override
    public ScoreStore scores() {
      return new JdbiScoreStore(db().transactions(), copyOnPostgres());
    }

    @Test
    void text_with_quotes_commas_line_breaks_and_empty_strings_is_stored_as_given() {
      var scores = scores();
      var awkward =
          new MaterialisedScore(
              "c,\"1\"\n",
              ScoreStoreContract.MODEL,
              2,
              -0.125,
              1e-7,
              12345678.901,
              "",
              "\"A\"",
              List.of("a,b", "say \"hi\"", "line\nbreak\r", "back\\slash", "ünï \uD83D\uDE00", ""),
              List.of(new Contribution("rule, \"quoted\"\n", Kind.ENGAGEMENT, 2, 0.1)),
              ScoreStoreContract.T0,
              ScoreStoreContract.T0.plusNanos(1_000));

      scores.put("a", List.of(awkward));

      assertThat(scores.find("a", ScoreStoreContract.MODEL, "c,\"1\"\n")).contains(awkward);
      assertThat(
              scores.leaderboard(
                  "a",
                  new LeaderboardFilter(ScoreStoreContract.MODEL, null, null, "say \"hi\""),
                  null,
                  10))
          .containsExactly(awkward);
    }

    @Test
    void the_last_row_of_a_key_wins_and_puts_in_one_transaction_see_each_other() {
      var scores = scores();
      var first = score("c1", 10, List.of("api"));
      var second = score("c1", 20, List.of("pricing"));
      var third = score("c1", 30, List.of("api", "pricing"));

      db().transactions()
          .run(
              () -> {
                scores.put("a", List.of(first, second, score("c2", 5, List.of())));
                scores.put("a", List.of(third));
              });

      assertThat(scores.find("a", ScoreStoreContract.MODEL, "c1")).contains(third);
      assertThat(scores.find("a", ScoreStoreContract.MODEL, "c2")).isPresent();
      for (String topic : List.of("api", "pricing")) {
        assertThat(
                scores.leaderboard(
                    "a",
                    new LeaderboardFilter(ScoreStoreContract.MODEL, null, null, topic),
                    null,
                    10))
            .containsExactly(third);
      }
    }

    private static MaterialisedScore score(String contactId, double score, List<String> topics) {
      return new MaterialisedScore(
          contactId,
          ScoreStoreContract.MODEL,
          1,
          score,
          score,
          0,
          "hot",
          null,
          topics,
          List.of(),
          ScoreStoreContract.T0,
          null);
    }
  }

  @Nested
  class OnH2 extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
      return db;
    }
  }

  @Nested
  class OnPostgresWithCopy extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }
  }

  @Nested
  class OnPostgresWithBatches extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }

    @Override
    boolean copyOnPostgres() {
      return false;
    }
  }
}
