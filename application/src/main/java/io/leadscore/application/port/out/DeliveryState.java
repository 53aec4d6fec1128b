package io.leadscore.application.port.out;

import java.util.Locale;

/**
 * Where a webhook delivery is: pending (waiting for its next attempt, or being attempted), then
 * delivered (a receiver answered 2xx) or failed (still failing 24 hours after its notification).
 */
public enum DeliveryState {
  PENDING,
  DELIVERED,
  FAILED;

  /** The name in the API and the database: {@code pending}, {@code delivered}, {@code failed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state of a wire name; IllegalArgumentException for another. */
  public static DeliveryState ofWireName(String name) {
    for (DeliveryState state : values()) {
      if (state.wireName().equals(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException("not a delivery state: " + name);
  }
}
