package io.leadscore.application.port.in;

import java.util.Objects;

/**
 * A new webhook subscription and its signing secret ({@code whsec_...}): shown only here, once.
 * Receivers verify {@code Leadscore-Signature} with it.
 */
public record CreatedWebhook(Webhook subscription, String secret) {
  public CreatedWebhook {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "CreatedWebhook[subscription=" + subscription.id() + ", secret=(hidden)]";
  }
}
