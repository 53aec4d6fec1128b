package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRepositoryContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ContactRepositoryContract} on {@code JdbiContactRepository}, on H2 and on PostgreSQL. */
class JdbiContactRepositoryIT {
  abstract static class On implements ContactRepositoryContract {
    abstract TestDatabase db();

    @Override
    public JdbiContactRepository contacts() {
      return new JdbiContactRepository(db().transactions());
    }

    @Test
    void count_counts_the_contacts_of_one_workspace() {
      var contacts = contacts();
      contacts.findOrCreate("a", new ContactIdentity.ById("c1"), "c1", T0);
      contacts.findOrCreate("a", new ContactIdentity.ByEmail("x@y.z"), "c2", T0);
      contacts.findOrCreate("b", new ContactIdentity.ById("c1"), "c1", T0);

      assertThat(contacts.count("a")).isEqualTo(2);
      assertThat(contacts.count("c")).isZero();
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
