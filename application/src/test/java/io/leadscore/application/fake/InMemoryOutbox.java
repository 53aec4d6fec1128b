package io.leadscore.application.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadscore.application.port.out.DeliveryState;
import io.leadscore.application.port.out.DeliveryUpdate;
import io.leadscore.application.port.out.DueDelivery;
import io.leadscore.application.port.out.Notification;
import io.leadscore.application.port.out.Notifier;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.TopicInterest;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookDelivery;
import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WebhookSubscription;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The in-memory notification outbox, webhook subscriptions and deliveries of {@link
 * InMemoryDatabase}: its {@link Data} is part of the database's state, so rollback covers it.
 */
final class InMemoryOutbox {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs work under the database's lock. */
  interface Locker {
    <T> T locked(Supplier<T> work);
  }

  /** A notification, the change it was made of, and whether it was routed. */
  record Stored(Notification notification, Object change, boolean routed) {}

  record Key(String notificationId, String subscriptionId) {}

  record Row(
      Notification notification,
      String subscriptionId,
      DeliveryState state,
      int attempts,
      Instant nextAttemptAt,
      String leaseOwner,
      Integer lastStatus,
      String lastError,
      Instant deliveredAt,
      Instant createdAt) {
    WebhookDelivery view() {
      return new WebhookDelivery(
          notification.id(),
          subscriptionId,
          notification.type(),
          state,
          attempts,
          lastStatus,
          lastError,
          nextAttemptAt,
          deliveredAt,
          createdAt);
    }
  }

  /** Everything stored; copied whole for rollback. */
  static final class Data {
    final List<Stored> notifications = new ArrayList<>();
    final Map<String, WebhookSubscription> subscriptions = new LinkedHashMap<>();
    final Map<Key, Row> deliveries = new LinkedHashMap<>();

    Data copy() {
      var copy = new Data();
      copy.notifications.addAll(notifications);
      copy.subscriptions.putAll(subscriptions);
      copy.deliveries.putAll(deliveries);
      return copy;
    }
  }

  private final Locker locker;
  private final Supplier<Data> data;

  InMemoryOutbox(Locker locker, Supplier<Data> data) {
    this.locker = locker;
    this.data = data;
  }

  /** The changes notified (of one class) by committed transactions, in order. */
  <T> List<T> changes(Class<T> kind) {
    return locker.locked(
        () ->
            data.get().notifications.stream()
                .map(Stored::change)
                .filter(kind::isInstance)
                .map(kind::cast)
                .toList());
  }

  /** Every notification stored, oldest first. */
  List<Notification> notifications() {
    return locker.locked(
        () -> data.get().notifications.stream().map(Stored::notification).toList());
  }

  Notifier notifier() {
    return new Notifier() {
      @Override
      public void tierChanged(TierChange change) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("workspace", change.workspace());
        payload.put("model", change.model());
        payload.put("contactId", change.contactId());
        payload.put("from", change.from());
        payload.put("to", change.to());
        payload.put("score", change.score());
        payload.put("at", change.at().toString());
        add(
            Notification.TIER_CHANGED,
            change.workspace(),
            change.contactId(),
            change.at(),
            payload,
            change);
      }

      @Override
      public void topicInterested(TopicInterest change) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("workspace", change.workspace());
        payload.put("model", change.model());
        payload.put("contactId", change.contactId());
        payload.put("topic", change.topic());
        payload.put("items", change.items());
        payload.put("at", change.at().toString());
        add(
            Notification.TOPIC_INTERESTED,
            change.workspace(),
            change.contactId(),
            change.at(),
            payload,
            change);
      }
    };
  }

  private void add(
      String type,
      String workspace,
      String contactId,
      Instant at,
      Map<String, Object> payload,
      Object change) {
    String text;
    try {
      text = JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    var notification =
        new Notification(UUID.randomUUID().toString(), workspace, type, contactId, at, text, at);
    locker.locked(() -> data.get().notifications.add(new Stored(notification, change, false)));
  }

  WebhookRepository webhooks() {
    return new WebhookRepository() {
      @Override
      public void save(WebhookSubscription subscription) {
        locker.locked(() -> data.get().subscriptions.put(subscription.id(), subscription));
      }

      @Override
      public Optional<WebhookSubscription> find(String workspace, String id) {
        return locker.locked(
            () ->
                Optional.ofNullable(data.get().subscriptions.get(id))
                    .filter(sub -> sub.workspace().equals(workspace)));
      }

      @Override
      public List<WebhookSubscription> list(String workspace) {
        return locker.locked(
            () ->
                data.get().subscriptions.values().stream()
                    .filter(sub -> sub.workspace().equals(workspace))
                    .sorted(
                        Comparator.comparing(WebhookSubscription::createdAt)
                            .thenComparing(WebhookSubscription::id))
                    .toList());
      }

      @Override
      public boolean delete(String workspace, String id) {
        return locker.locked(
            () -> {
              if (find(workspace, id).isEmpty()) {
                return false;
              }
              data.get().subscriptions.remove(id);
              data.get().deliveries.keySet().removeIf(key -> key.subscriptionId().equals(id));
              return true;
            });
      }

      @Override
      public List<WebhookSubscription> subscribers(String workspace, String type) {
        return list(workspace).stream().filter(sub -> sub.wants(type)).toList();
      }
    };
  }

  WebhookDeliveries deliveries() {
    return new WebhookDeliveries() {
      @Override
      public List<Notification> unrouted(int max) {
        return locker.locked(
            () ->
                data.get().notifications.stream()
                    .filter(stored -> !stored.routed())
                    .map(Stored::notification)
                    .sorted(Comparator.comparing(Notification::createdAt))
                    .limit(max)
                    .toList());
      }

      @Override
      public void fanOut(Notification notification, List<String> subscriptionIds, Instant now) {
        locker.locked(
            () -> {
              List<Stored> all = data.get().notifications;
              for (int i = 0; i < all.size(); i++) {
                Stored stored = all.get(i);
                if (stored.notification().id().equals(notification.id())) {
                  all.set(i, new Stored(stored.notification(), stored.change(), true));
                }
              }
              for (String subscription : subscriptionIds) {
                data.get()
                    .deliveries
                    .putIfAbsent(
                        new Key(notification.id(), subscription),
                        new Row(
                            notification,
                            subscription,
                            DeliveryState.PENDING,
                            0,
                            now,
                            null,
                            null,
                            null,
                            null,
                            now));
              }
              return null;
            });
      }

      @Override
      public List<DueDelivery> claim(String owner, Instant now, Duration lease, int max) {
        return locker.locked(
            () -> {
              List<Row> due =
                  data.get().deliveries.values().stream()
                      .filter(row -> row.state() == DeliveryState.PENDING)
                      .filter(row -> !row.nextAttemptAt().isAfter(now))
                      .sorted(
                          Comparator.comparing(Row::nextAttemptAt)
                              .thenComparing(row -> row.notification().id())
                              .thenComparing(Row::subscriptionId))
                      .limit(max)
                      .toList();
              var claimed = new ArrayList<DueDelivery>();
              for (Row row : due) {
                WebhookSubscription sub = data.get().subscriptions.get(row.subscriptionId());
                var leased =
                    new Row(
                        row.notification(),
                        row.subscriptionId(),
                        row.state(),
                        row.attempts() + 1,
                        now.plus(lease),
                        owner,
                        row.lastStatus(),
                        row.lastError(),
                        null,
                        row.createdAt());
                data.get()
                    .deliveries
                    .put(new Key(row.notification().id(), row.subscriptionId()), leased);
                Notification n = row.notification();
                claimed.add(
                    new DueDelivery(
                        n.id(),
                        sub.id(),
                        n.workspace(),
                        n.type(),
                        n.occurredAt(),
                        n.data(),
                        n.createdAt(),
                        sub.url(),
                        sub.secret(),
                        leased.attempts()));
              }
              return claimed;
            });
      }

      @Override
      public boolean record(DueDelivery attempt, String owner, DeliveryUpdate update) {
        return locker.locked(
            () -> {
              var key = new Key(attempt.notificationId(), attempt.subscriptionId());
              Row row = data.get().deliveries.get(key);
              if (row == null
                  || row.state() != DeliveryState.PENDING
                  || row.attempts() != attempt.attempt()
                  || !owner.equals(row.leaseOwner())) {
                return false;
              }
              data.get()
                  .deliveries
                  .put(
                      key,
                      new Row(
                          row.notification(),
                          row.subscriptionId(),
                          update.state(),
                          row.attempts(),
                          update.nextAttemptAt(),
                          null,
                          update.status(),
                          update.error(),
                          update.deliveredAt(),
                          row.createdAt()));
              return true;
            });
      }

      @Override
      public List<WebhookDelivery> list(
          String workspace, String subscriptionId, DeliveryState state, int limit) {
        return locker.locked(
            () ->
                data.get().deliveries.values().stream()
                    .filter(row -> row.notification().workspace().equals(workspace))
                    .filter(row -> row.subscriptionId().equals(subscriptionId))
                    .filter(row -> state == null || row.state() == state)
                    .sorted(
                        Comparator.comparing(Row::createdAt)
                            .thenComparing(row -> row.notification().id())
                            .reversed())
                    .limit(limit)
                    .map(Row::view)
                    .toList());
      }

      @Override
      public int eraseContact(String workspace, String contactId) {
        return locker.locked(
            () -> {
              int before = data.get().notifications.size();
              data.get()
                  .notifications
                  .removeIf(
                      stored ->
                          stored.notification().workspace().equals(workspace)
                              && stored.notification().contactId().equals(contactId));
              data.get()
                  .deliveries
                  .values()
                  .removeIf(
                      row ->
                          row.notification().workspace().equals(workspace)
                              && row.notification().contactId().equals(contactId));
              return before - data.get().notifications.size();
            });
      }
    };
  }
}
