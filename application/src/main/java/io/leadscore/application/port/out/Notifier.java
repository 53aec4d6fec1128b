package io.leadscore.application.port.out;

/**
 * Tells the outside world about score changes. Called inside the transaction that changed the
 * score, so a notification exists exactly when the change was committed (an outbox, read back by
 * {@link WebhookDeliveries}). Each notification gets a unique id, the one webhook receivers dedup
 * by (http-api.md, "Outbound webhooks").
 */
public interface Notifier {
  /** Records a {@value Notification#TIER_CHANGED} notification. */
  void tierChanged(TierChange change);

  /** Records a {@value Notification#TOPIC_INTERESTED} notification. */
  void topicInterested(TopicInterest change);
}
