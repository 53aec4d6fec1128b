package io.leadscore.application.fake;

import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.ApiKeyRepositoryContract;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.ContactRepositoryContract;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.EventStoreContract;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.JobRepositoryContract;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.ModelRepositoryContract;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.NotifierContract;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreRefreshQueueContract;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.ScoreStoreContract;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.SourceRepositoryContract;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.TopicInterest;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.TransactionsContract;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookDeliveriesContract;
import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WebhookRepositoryContract;
import io.leadscore.application.port.out.WorkspaceRepository;
import io.leadscore.application.port.out.WorkspaceRepositoryContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * Every port contract on the in-memory fakes, so the use-case tests run on fakes that behave as the
 * JDBC adapters do (the same contracts run there, on H2 and PostgreSQL).
 */
class InMemoryContractsTest {
  @Nested
  class Workspaces implements WorkspaceRepositoryContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public WorkspaceRepository workspaces() {
      return db.workspaces();
    }
  }

  @Nested
  class ApiKeys implements ApiKeyRepositoryContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public ApiKeyRepository apiKeys() {
      return db.apiKeys();
    }
  }

  @Nested
  class Contacts implements ContactRepositoryContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public ContactRepository contacts() {
      return db.contacts();
    }
  }

  @Nested
  class Events implements EventStoreContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public EventStore events() {
      return db.events();
    }

    @Override
    public ContactRepository contacts() {
      return db.contacts();
    }
  }

  @Nested
  class Models implements ModelRepositoryContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public ModelRepository models() {
      return db.models();
    }
  }

  @Nested
  class Scores implements ScoreStoreContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public ScoreStore scores() {
      return db.scores();
    }
  }

  @Nested
  class RefreshQueue implements ScoreRefreshQueueContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public ScoreRefreshQueue queue() {
      return db.refreshQueue();
    }

    @Override
    public Transactions transactions() {
      return db.transactions();
    }
  }

  @Nested
  class Jobs implements JobRepositoryContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public JobRepository jobs() {
      return db.jobs();
    }
  }

  @Nested
  class Sources implements SourceRepositoryContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public SourceRepository sources() {
      return db.sources();
    }
  }

  @Nested
  class Vendor implements io.leadscore.application.port.out.vendor.VendorConnectorContract {
    @Override
    public FakeVendor vendor() {
      return new FakeVendor();
    }

    @Override
    public long requestsSoFar(
        io.leadscore.application.port.out.vendor.VendorConnectorFactory vendor) {
      return ((FakeVendor) vendor).pulls().size();
    }
  }

  @Nested
  class Notifications implements NotifierContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public Notifier notifier() {
      return db.notifier();
    }

    @Override
    public Transactions transactions() {
      return db.transactions();
    }

    @Override
    public List<TierChange> notified() {
      return db.notifications();
    }

    @Override
    public List<TopicInterest> interests() {
      return db.topicInterests();
    }
  }

  @Nested
  class Webhooks implements WebhookRepositoryContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public WebhookRepository webhooks() {
      return db.webhooks();
    }
  }

  @Nested
  class Deliveries implements WebhookDeliveriesContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public Transactions transactions() {
      return db.transactions();
    }

    @Override
    public Notifier notifier() {
      return db.notifier();
    }

    @Override
    public WebhookRepository webhooks() {
      return db.webhooks();
    }

    @Override
    public WebhookDeliveries deliveries() {
      return db.deliveries();
    }
  }

  @Nested
  class TransactionsOnFakes implements TransactionsContract {
    final InMemoryDatabase db = new InMemoryDatabase();

    @Override
    public Transactions transactions() {
      return db.transactions();
    }

    @Override
    public WorkspaceRepository workspaces() {
      return db.workspaces();
    }
  }
}
