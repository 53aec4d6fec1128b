package io.leadscore.adapter.jdbc;

import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.NotifierContract;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.TopicInterest;
import io.leadscore.application.port.out.Transactions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link NotifierContract} on {@link JdbiNotifier}, reading the outbox table back. */
class JdbiNotifierIT {
  abstract static class On implements NotifierContract {
    abstract TestDatabase db();

    @Override
    public Notifier notifier() {
      return new JdbiNotifier(db().transactions(), Clock.systemUTC());
    }

    @Override
    public Transactions transactions() {
      return db().transactions();
    }

    @Override
    public List<TierChange> notified() {
      return payloads(Notification.TIER_CHANGED).stream().map(JsonCodec::tierChange).toList();
    }

    @Override
    public List<TopicInterest> interests() {
      return payloads(Notification.TOPIC_INTERESTED).stream()
          .map(JsonCodec::topicInterest)
          .toList();
    }

    private List<String> payloads(String type) {
      return db().transactions()
          .withHandle(
              handle ->
                  handle
                      .createQuery(
                          """
                          SELECT payload FROM notifications WHERE type = :type
                          ORDER BY created_at, occurred_at
                          """)
                      .bind("type", type)
                      .mapTo(String.class)
                      .list());
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
