package io.leadscore.application.port.out;

/**
 * Tells the outside world about score changes. Called inside the transaction that changed the
 * score, so a notification exists exactly when the change was committed (an outbox).
 */
public interface Notifier {
  void tierChanged(TierChange change);
}
