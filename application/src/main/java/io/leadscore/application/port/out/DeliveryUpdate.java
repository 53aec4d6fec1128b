package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of a delivery attempt, as recorded: delivered, pending again with the next attempt's
 * time, or failed for good. Make one with {@link #delivered}, {@link #retryAt} or {@link #failed}.
 *
 * @param status the receiver's HTTP status, or null when there was no answer
 * @param error why the attempt failed, or null when delivered
 * @param nextAttemptAt when pending: the next attempt's time; else null
 * @param deliveredAt when delivered: when; else null
 */
public record DeliveryUpdate(
    DeliveryState state, Integer status, String error, Instant nextAttemptAt, Instant deliveredAt) {
  public DeliveryUpdate {
    Objects.requireNonNull(state, "state");
    if ((state == DeliveryState.PENDING) != (nextAttemptAt != null)) {
      throw new IllegalArgumentException("nextAttemptAt: set exactly when pending");
    }
    if ((state == DeliveryState.DELIVERED) != (deliveredAt != null)) {
      throw new IllegalArgumentException("deliveredAt: set exactly when delivered");
    }
  }

  public static DeliveryUpdate delivered(int status, Instant at) {
    return new DeliveryUpdate(DeliveryState.DELIVERED, status, null, null, at);
  }

  public static DeliveryUpdate retryAt(Integer status, String error, Instant next) {
    return new DeliveryUpdate(
        DeliveryState.PENDING, status, Objects.requireNonNull(error, "error"), next, null);
  }

  public static DeliveryUpdate failed(Integer status, String error) {
    return new DeliveryUpdate(
        DeliveryState.FAILED, status, Objects.requireNonNull(error, "error"), null, null);
  }
}
