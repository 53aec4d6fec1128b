package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreRefreshQueueContract;
import io.leadscore.application.port.out.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ScoreRefreshQueueContract} on {@code JdbiScoreRefreshQueue}, on H2 and on PostgreSQL, and
 * a mark larger than one insert statement.
 */
class JdbiScoreRefreshQueueIT {
  abstract static class On implements ScoreRefreshQueueContract {
    abstract TestDatabase db();

    @Override
    public ScoreRefreshQueue queue() {
      return new JdbiScoreRefreshQueue(db().transactions());
    }

    @Override
    public Transactions transactions() {
      return db().transactions();
    }

    @Test
    void a_mark_of_more_contacts_than_one_insert_statement_holds_queues_each_once() {
      var queue = queue();
      var contacts = new ArrayList<String>();
      for (int i = 0; i < 2_500; i++) {
        contacts.add("c" + i);
      }
      contacts.add("c1999"); // a repeat across a chunk boundary
      var at = Instant.parse("2026-11-22T10:00:00Z");
      transactions().run(() -> queue.mark("a", contacts.subList(0, 1_200), at));
      transactions().run(() -> queue.mark("a", contacts, at.plusSeconds(1)));

      assertThat(queue.size()).isEqualTo(2_500);
      List<ContactRef> claimed = transactions().inTransaction(() -> queue.claim(3_000));
      assertThat(new HashSet<>(claimed)).hasSize(2_500);
      // the first 1,200 were queued a second earlier and keep their place
      assertThat(claimed.subList(0, 1_200))
          .allSatisfy(
              ref -> assertThat(Integer.parseInt(ref.contactId().substring(1))).isLessThan(1_200));
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
  class OnPostgres extends On {
    @RegisterExtension final TestDatabase db = TestDatabase.postgres();

    @Override
    TestDatabase db() {
      return db;
    }
  }
}
