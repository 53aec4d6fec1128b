package io.leadscore.application.port.out;

import java.time.Duration;

/**
 * How long to wait before retrying a webhook delivery after its {@code attempt}-th failed attempt
 * (exponential with jitter in production). The schedule lives in the delivery rows, so it survives
 * restarts. Thread-safe.
 */
public interface DeliveryBackoff {
  /**
   * @param attempt the attempt that just failed, from 1
   * @return a positive delay
   */
  Duration delayAfter(int attempt);
}
