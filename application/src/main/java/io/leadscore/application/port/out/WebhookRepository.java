package io.leadscore.application.port.out;

import java.util.List;
import java.util.Optional;

/** A workspace's outbound webhook subscriptions, with their secrets. */
public interface WebhookRepository {
  void save(WebhookSubscription subscription);

  Optional<WebhookSubscription> find(String workspace, String id);

  /** The workspace's subscriptions, oldest first. */
  List<WebhookSubscription> list(String workspace);

  /**
   * Deletes a subscription and every delivery made for it; false when the workspace has no such
   * subscription.
   */
  boolean delete(String workspace, String id);

  /** The workspace's subscriptions that want notifications of {@code type}, oldest first. */
  List<WebhookSubscription> subscribers(String workspace, String type);
}
