package io.leadscore.application.fake;

import io.leadscore.application.port.out.ApiKey;
import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.ContactHistory;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ContactRef;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.IdentityTakenException;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.JobRepository;
import io.leadscore.application.port.out.JobState;
import io.leadscore.application.port.out.LeaderboardFilter;
import io.leadscore.application.port.out.LeaderboardPosition;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.ModelDocument;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.ModelVersion;
import io.leadscore.application.port.out.NewEvent;
import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.StoredModel;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.TopicInterest;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.Workspace;
import io.leadscore.application.port.out.WorkspaceRepository;
import io.leadscore.domain.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * In-memory fakes of every persistence port, sharing one state behind one lock: a transaction holds
 * the lock and, on an exception, restores a copy of the state taken when it began (so rollback is
 * real). Simple on purpose; each port's contract runs on these and on the JDBC adapters.
 * Thread-safe (serialised).
 */
public final class InMemoryDatabase {
  private final ReentrantLock lock = new ReentrantLock();
  private State state = new State();
  private final InMemoryOutbox outbox = new InMemoryOutbox(this::locked, () -> state.outbox);

  /** Everything stored; copied whole at each outermost transaction for rollback. */
  private static final class State {
    final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    final Map<String, ApiKey> keys = new LinkedHashMap<>();
    final Map<String, Map<String, ContactRecord>> contacts = new HashMap<>();
    final Map<String, Map<String, NewEvent>> events = new HashMap<>();
    final Map<String, Map<String, StoredModel>> models = new HashMap<>();
    final Map<String, Map<String, Map<String, MaterialisedScore>>> scores = new HashMap<>();
    final Map<ContactRef, Instant> queue = new LinkedHashMap<>();
    final Map<String, LeasedJob> jobs = new LinkedHashMap<>();
    final Map<String, Source> sources = new LinkedHashMap<>();
    InMemoryOutbox.Data outbox = new InMemoryOutbox.Data();

    State copy() {
      var copy = new State();
      copy.workspaces.putAll(workspaces);
      copy.keys.putAll(keys);
      contacts.forEach((ws, map) -> copy.contacts.put(ws, new LinkedHashMap<>(map)));
      events.forEach((ws, map) -> copy.events.put(ws, new LinkedHashMap<>(map)));
      models.forEach((ws, map) -> copy.models.put(ws, new LinkedHashMap<>(map)));
      scores.forEach(
          (ws, byModel) -> {
            var models = new HashMap<String, Map<String, MaterialisedScore>>();
            byModel.forEach((model, rows) -> models.put(model, new HashMap<>(rows)));
            copy.scores.put(ws, models);
          });
      copy.queue.putAll(queue);
      copy.jobs.putAll(jobs);
      copy.sources.putAll(sources);
      copy.outbox = outbox.copy();
      return copy;
    }
  }

  private record LeasedJob(Job job, String owner, Instant leaseUntil) {}

  private <T> T locked(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** The tier changes notified by committed transactions, in order. */
  public List<TierChange> notifications() {
    return outbox.changes(TierChange.class);
  }

  /** The topic interests notified by committed transactions, in order. */
  public List<TopicInterest> topicInterests() {
    return outbox.changes(TopicInterest.class);
  }

  /** Every notification in the outbox (committed or in this thread's transaction), oldest first. */
  public List<Notification> outbox() {
    return outbox.notifications();
  }

  public Transactions transactions() {
    return new Transactions() {
      @Override
      public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
          if (lock.getHoldCount() > 1) {
            return work.get(); // nested: joins the outer transaction
          }
          State before = state.copy();
          try {
            return work.get();
          } catch (RuntimeException | Error e) {
            state = before;
            throw e;
          }
        } finally {
          lock.unlock();
        }
      }
    };
  }

  public WorkspaceRepository workspaces() {
    return new WorkspaceRepository() {
      @Override
      public boolean create(Workspace workspace) {
        return locked(() -> state.workspaces.putIfAbsent(workspace.id(), workspace) == null);
      }

      @Override
      public Optional<Workspace> find(String id) {
        return locked(() -> Optional.ofNullable(state.workspaces.get(id)));
      }
    };
  }

  public ApiKeyRepository apiKeys() {
    return new ApiKeyRepository() {
      @Override
      public void save(ApiKey key) {
        locked(() -> state.keys.put(key.id(), key));
      }

      @Override
      public Optional<ApiKey> findById(String keyId) {
        return locked(() -> Optional.ofNullable(state.keys.get(keyId)));
      }

      @Override
      public List<ApiKey> list(String workspace) {
        return locked(
            () ->
                state.keys.values().stream()
                    .filter(key -> key.workspace().equals(workspace))
                    .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
                    .toList());
      }

      @Override
      public boolean revoke(String workspace, String keyId, Instant at) {
        return locked(
            () -> {
              ApiKey key = state.keys.get(keyId);
              if (key == null || !key.workspace().equals(workspace)) {
                return false;
              }
              state.keys.put(
                  keyId,
                  new ApiKey(
                      key.id(),
                      key.workspace(),
                      key.scope(),
                      key.name(),
                      key.secretHash(),
                      key.createdAt(),
                      key.revokedAt() != null ? key.revokedAt() : at));
              return true;
            });
      }
    };
  }

  private Map<String, ContactRecord> contactsOf(String workspace) {
    return state.contacts.computeIfAbsent(workspace, key -> new LinkedHashMap<>());
  }

  private Optional<ContactRecord> findContact(String workspace, ContactIdentity identity) {
    Map<String, ContactRecord> contacts = contactsOf(workspace);
    return switch (identity) {
      case ContactIdentity.ById(String id) -> Optional.ofNullable(contacts.get(id));
      case ContactIdentity.ByEmail(String email) ->
          contacts.values().stream().filter(c -> email.equals(c.email())).findFirst();
      case ContactIdentity.ByExternalId(ExternalId external) ->
          contacts.values().stream().filter(c -> c.externalIds().contains(external)).findFirst();
    };
  }

  public ContactRepository contacts() {
    return new ContactRepository() {
      @Override
      public Optional<ContactRecord> find(String workspace, ContactIdentity identity) {
        return locked(() -> findContact(workspace, identity));
      }

      @Override
      public ContactRecord findOrCreate(
          String workspace, ContactIdentity identity, String newId, Instant now) {
        return locked(
            () ->
                findContact(workspace, identity)
                    .orElseGet(
                        () -> {
                          var created =
                              switch (identity) {
                                case ContactIdentity.ById(String id) ->
                                    new ContactRecord(
                                        id,
                                        null,
                                        List.of(),
                                        io.leadscore.domain.contact.Contact.EMPTY,
                                        now,
                                        now);
                                case ContactIdentity.ByEmail(String email) ->
                                    new ContactRecord(
                                        newId,
                                        email,
                                        List.of(),
                                        io.leadscore.domain.contact.Contact.EMPTY,
                                        now,
                                        now);
                                case ContactIdentity.ByExternalId(ExternalId external) ->
                                    new ContactRecord(
                                        newId,
                                        null,
                                        List.of(external),
                                        io.leadscore.domain.contact.Contact.EMPTY,
                                        now,
                                        now);
                              };
                          contactsOf(workspace).put(created.id(), created);
                          return created;
                        }));
      }

      @Override
      public long count(String workspace) {
        return locked(() -> (long) contactsOf(workspace).size());
      }

      @Override
      public void save(String workspace, ContactRecord contact) {
        locked(
            () -> {
              for (ContactRecord other : contactsOf(workspace).values()) {
                if (other.id().equals(contact.id())) {
                  continue;
                }
                if (contact.email() != null && contact.email().equals(other.email())) {
                  throw new IdentityTakenException(
                      "e-mail " + contact.email() + " belongs to contact " + other.id());
                }
                for (ExternalId external : contact.externalIds()) {
                  if (other.externalIds().contains(external)) {
                    throw new IdentityTakenException(
                        external.source()
                            + " id "
                            + external.id()
                            + " belongs to contact "
                            + other.id());
                  }
                }
              }
              return contactsOf(workspace).put(contact.id(), contact);
            });
      }

      @Override
      public boolean erase(String workspace, String contactId) {
        return locked(() -> contactsOf(workspace).remove(contactId) != null);
      }
    };
  }

  private Map<String, NewEvent> eventsOf(String workspace) {
    return state.events.computeIfAbsent(workspace, key -> new LinkedHashMap<>());
  }

  private List<Event> historyOf(String workspace, String contactId) {
    return eventsOf(workspace).values().stream()
        .filter(event -> event.contactId().equals(contactId))
        .map(NewEvent::event)
        .sorted(Event.ORDER)
        .toList();
  }

  public EventStore events() {
    return new EventStore() {
      @Override
      public boolean[] append(String workspace, List<NewEvent> events, Instant receivedAt) {
        return locked(
            () -> {
              boolean[] stored = new boolean[events.size()];
              for (int i = 0; i < stored.length; i++) {
                NewEvent event = events.get(i);
                stored[i] =
                    eventsOf(workspace).putIfAbsent(event.event().eventKey(), event) == null;
              }
              return stored;
            });
      }

      @Override
      public List<Event> history(String workspace, String contactId) {
        return locked(() -> historyOf(workspace, contactId));
      }

      @Override
      public Stream<ContactHistory> histories(String workspace) {
        List<ContactHistory> all =
            locked(
                () ->
                    contactsOf(workspace).values().stream()
                        .map(c -> new ContactHistory(c, historyOf(workspace, c.id())))
                        .toList());
        return all.stream();
      }

      @Override
      public List<ContactHistory> histories(String workspace, List<String> contactIds) {
        return locked(
            () -> {
              var out = new ArrayList<ContactHistory>();
              for (String id : contactIds) {
                ContactRecord contact = contactsOf(workspace).get(id);
                if (contact != null) {
                  out.add(new ContactHistory(contact, historyOf(workspace, id)));
                }
              }
              return out;
            });
      }

      @Override
      public int eraseContact(String workspace, String contactId) {
        return locked(
            () -> {
              int before = eventsOf(workspace).size();
              eventsOf(workspace).values().removeIf(event -> event.contactId().equals(contactId));
              return before - eventsOf(workspace).size();
            });
      }
    };
  }

  private Map<String, StoredModel> modelsOf(String workspace) {
    return state.models.computeIfAbsent(workspace, key -> new java.util.TreeMap<>());
  }

  private StoredModel existing(String workspace, String modelId) {
    StoredModel model = modelsOf(workspace).get(modelId);
    if (model == null) {
      throw new IllegalArgumentException("no model " + modelId);
    }
    return model;
  }

  public ModelRepository models() {
    return new ModelRepository() {
      @Override
      public void saveDraft(String workspace, String modelId, ModelDocument draft, Instant now) {
        locked(
            () -> {
              StoredModel before = modelsOf(workspace).get(modelId);
              return modelsOf(workspace)
                  .put(
                      modelId,
                      before == null
                          ? new StoredModel(modelId, draft, now, 0, List.of())
                          : new StoredModel(
                              modelId, draft, now, before.liveVersion(), before.versions()));
            });
      }

      @Override
      public Optional<StoredModel> find(String workspace, String modelId) {
        return locked(() -> Optional.ofNullable(modelsOf(workspace).get(modelId)));
      }

      @Override
      public List<StoredModel> list(String workspace) {
        return locked(() -> List.copyOf(modelsOf(workspace).values()));
      }

      @Override
      public int addVersion(String workspace, String modelId, ModelDocument document, Instant now) {
        return locked(
            () -> {
              StoredModel before = existing(workspace, modelId);
              var versions = new ArrayList<>(before.versions());
              versions.add(new ModelVersion(versions.size() + 1, document, now));
              modelsOf(workspace)
                  .put(
                      modelId,
                      new StoredModel(
                          modelId,
                          before.draft(),
                          before.draftSavedAt(),
                          before.liveVersion(),
                          versions));
              return versions.size();
            });
      }

      @Override
      public void setLive(String workspace, String modelId, int version, Instant now) {
        locked(
            () -> {
              StoredModel before = existing(workspace, modelId);
              return modelsOf(workspace)
                  .put(
                      modelId,
                      new StoredModel(
                          modelId,
                          before.draft(),
                          before.draftSavedAt(),
                          version,
                          before.versions()));
            });
      }
    };
  }

  private Map<String, MaterialisedScore> scoresOf(String workspace, String model) {
    return state
        .scores
        .computeIfAbsent(workspace, key -> new HashMap<>())
        .computeIfAbsent(model, key -> new HashMap<>());
  }

  /** The leaderboard's order: score descending, then contact id in code-point order. */
  private static final Comparator<MaterialisedScore> RANK =
      Comparator.comparingDouble((MaterialisedScore row) -> -row.score())
          .thenComparing(MaterialisedScore::contactId);

  public ScoreStore scores() {
    return new ScoreStore() {
      @Override
      public Optional<MaterialisedScore> find(String workspace, String model, String contactId) {
        return locked(() -> Optional.ofNullable(scoresOf(workspace, model).get(contactId)));
      }

      @Override
      public Map<String, MaterialisedScore> find(
          String workspace, String model, Collection<String> contactIds) {
        return locked(
            () -> {
              var out = new HashMap<String, MaterialisedScore>();
              for (String id : contactIds) {
                MaterialisedScore row = scoresOf(workspace, model).get(id);
                if (row != null) {
                  out.put(id, row);
                }
              }
              return out;
            });
      }

      @Override
      public void put(String workspace, List<MaterialisedScore> scores) {
        locked(
            () -> {
              scores.forEach(row -> scoresOf(workspace, row.model()).put(row.contactId(), row));
              return null;
            });
      }

      @Override
      public List<MaterialisedScore> leaderboard(
          String workspace, LeaderboardFilter filter, LeaderboardPosition after, int limit) {
        return locked(
            () ->
                scoresOf(workspace, filter.model()).values().stream()
                    .filter(row -> filter.tier() == null || filter.tier().equals(row.tier()))
                    .filter(row -> filter.grade() == null || filter.grade().equals(row.grade()))
                    .filter(
                        row ->
                            filter.topic() == null
                                || row.interestedTopics().contains(filter.topic()))
                    .filter(
                        row ->
                            after == null
                                || row.score() < after.score()
                                || (row.score() == after.score()
                                    && row.contactId().compareTo(after.contactId()) > 0))
                    .sorted(RANK)
                    .limit(limit)
                    .toList());
      }

      @Override
      public Stream<MaterialisedScore> all(String workspace, String model) {
        return locked(() -> List.copyOf(scoresOf(workspace, model).values())).stream();
      }

      @Override
      public void eraseContact(String workspace, String contactId) {
        locked(
            () -> {
              state
                  .scores
                  .getOrDefault(workspace, Map.of())
                  .values()
                  .forEach(rows -> rows.remove(contactId));
              return null;
            });
      }

      @Override
      public List<ContactRef> dueForRefresh(Instant now, int limit) {
        return locked(
            () -> {
              var due = new ArrayList<ContactRef>();
              state.scores.forEach(
                  (ws, byModel) ->
                      byModel.values().stream()
                          .flatMap(rows -> rows.values().stream())
                          .filter(row -> row.refreshAt() != null && !row.refreshAt().isAfter(now))
                          .forEach(row -> due.add(new ContactRef(ws, row.contactId()))));
              return due.stream().distinct().limit(limit).toList();
            });
      }
    };
  }

  public ScoreRefreshQueue refreshQueue() {
    return new ScoreRefreshQueue() {
      @Override
      public void mark(String workspace, Collection<String> contactIds, Instant at) {
        locked(
            () -> {
              contactIds.forEach(id -> state.queue.putIfAbsent(new ContactRef(workspace, id), at));
              return null;
            });
      }

      @Override
      public List<String> dueWorkspaces(int limit, Instant markedBefore) {
        return locked(
            () -> {
              var oldest = new LinkedHashMap<String, Instant>();
              state.queue.forEach(
                  (ref, at) -> {
                    if (!at.isAfter(markedBefore)) {
                      oldest.merge(ref.workspace(), at, (a, b) -> a.isBefore(b) ? a : b);
                    }
                  });
              return oldest.entrySet().stream()
                  .sorted(
                      Map.Entry.<String, Instant>comparingByValue()
                          .thenComparing(Map.Entry.comparingByKey()))
                  .limit(limit)
                  .map(Map.Entry::getKey)
                  .toList();
            });
      }

      @Override
      public List<String> claim(String workspace, int limit, Instant markedBefore) {
        return locked(
            () -> {
              List<ContactRef> claimed =
                  state.queue.entrySet().stream()
                      .filter(entry -> entry.getKey().workspace().equals(workspace))
                      .filter(entry -> !entry.getValue().isAfter(markedBefore))
                      .sorted(Map.Entry.comparingByValue())
                      .limit(limit)
                      .map(Map.Entry::getKey)
                      .toList();
              claimed.forEach(state.queue::remove);
              return claimed.stream().map(ContactRef::contactId).toList();
            });
      }

      @Override
      public void forget(String workspace, String contactId) {
        locked(() -> state.queue.remove(new ContactRef(workspace, contactId)));
      }

      @Override
      public long size() {
        return locked(() -> (long) state.queue.size());
      }
    };
  }

  public JobRepository jobs() {
    return new JobRepository() {
      @Override
      public void enqueue(Job job) {
        locked(() -> state.jobs.put(job.id(), new LeasedJob(job, null, null)));
      }

      @Override
      public Optional<Job> find(String workspace, String jobId) {
        return locked(
            () ->
                Optional.ofNullable(state.jobs.get(jobId))
                    .map(LeasedJob::job)
                    .filter(job -> job.workspace().equals(workspace)));
      }

      @Override
      public Optional<Job> claim(String owner, Instant now, Duration lease) {
        return locked(
            () -> {
              var oldestFirst =
                  state.jobs.values().stream()
                      .sorted(
                          Comparator.comparing((LeasedJob leased) -> leased.job().createdAt())
                              .thenComparing(leased -> leased.job().id()))
                      .toList();
              for (LeasedJob leased : oldestFirst) {
                Job job = leased.job();
                boolean claimable =
                    job.state() == JobState.QUEUED
                        || (job.state() == JobState.RUNNING && leased.leaseUntil().isBefore(now));
                if (claimable) {
                  Job running =
                      new Job(
                          job.id(),
                          job.workspace(),
                          job.kind(),
                          job.subject(),
                          JobState.RUNNING,
                          job.createdAt(),
                          job.startedAt() != null ? job.startedAt() : now,
                          null,
                          job.done(),
                          job.total(),
                          job.counts(),
                          job.errors());
                  state.jobs.put(job.id(), new LeasedJob(running, owner, now.plus(lease)));
                  return Optional.of(running);
                }
              }
              return Optional.empty();
            });
      }

      @Override
      public boolean update(Job job, String owner, Instant leaseUntil) {
        return locked(
            () -> {
              LeasedJob leased = state.jobs.get(job.id());
              if (leased == null || !owner.equals(leased.owner())) {
                return false;
              }
              state.jobs.put(job.id(), new LeasedJob(job, owner, leaseUntil));
              return true;
            });
      }
    };
  }

  public SourceRepository sources() {
    return new SourceRepository() {
      @Override
      public void create(Source source) {
        locked(
            () -> {
              if (state.sources.putIfAbsent(source.id(), source) != null) {
                throw new IllegalStateException("source " + source.id() + " exists");
              }
              return null;
            });
      }

      @Override
      public Optional<Source> find(String workspace, String sourceId) {
        return findById(sourceId).filter(source -> source.workspace().equals(workspace));
      }

      @Override
      public Optional<Source> findById(String sourceId) {
        return locked(() -> Optional.ofNullable(state.sources.get(sourceId)));
      }

      @Override
      public List<Source> list(String workspace) {
        return locked(
            () ->
                state.sources.values().stream()
                    .filter(source -> source.workspace().equals(workspace))
                    .sorted(Comparator.comparing(Source::createdAt).thenComparing(Source::id))
                    .toList());
      }

      @Override
      public boolean advanceCursor(
          String workspace, String sourceId, String expected, String next) {
        return locked(
            () -> {
              Source source = find(workspace, sourceId).orElse(null);
              if (source == null || !Objects.equals(source.cursor(), expected)) {
                return false;
              }
              state.sources.put(sourceId, source.withCursor(next));
              return true;
            });
      }

      @Override
      public List<Source> due(Instant now, int limit) {
        return locked(
            () ->
                state.sources.values().stream()
                    .filter(source -> source.nextSyncAt() != null)
                    .filter(source -> !source.nextSyncAt().isAfter(now))
                    .sorted(Comparator.comparing(Source::nextSyncAt).thenComparing(Source::id))
                    .limit(limit)
                    .toList());
      }

      @Override
      public boolean reschedule(String workspace, String sourceId, Instant expected, Instant next) {
        return locked(
            () -> {
              Source source = find(workspace, sourceId).orElse(null);
              if (source == null || !Objects.equals(source.nextSyncAt(), expected)) {
                return false;
              }
              state.sources.put(sourceId, source.withNextSyncAt(next));
              return true;
            });
      }
    };
  }

  public Notifier notifier() {
    return outbox.notifier();
  }

  public WebhookRepository webhooks() {
    return outbox.webhooks();
  }

  public WebhookDeliveries deliveries() {
    return outbox.deliveries();
  }
}
