package io.leadscore.application.port.out;

import java.time.Duration;

/**
 * Sends one webhook delivery attempt: one signed POST to the subscription's URL (http-api.md,
 * "Outbound webhooks"). Never throws for what the receiver or the network did: that is an outcome.
 * Thread-safe.
 */
public interface WebhookSender {
  Outcome send(DueDelivery delivery);

  /** What an attempt came to. */
  sealed interface Outcome {
    /** The receiver accepted it (2xx). */
    record Delivered(int status) implements Outcome {}

    /**
     * It did not arrive or was refused; it is retried on the backoff schedule.
     *
     * @param status the receiver's HTTP status, or null when there was no answer
     * @param error why, for the API's delivery list
     * @param retryAfter how long the receiver asked to wait (Retry-After), or null
     */
    record Failed(Integer status, String error, Duration retryAfter) implements Outcome {
      public Failed {
        java.util.Objects.requireNonNull(error, "error");
      }
    }
  }
}
