package io.leadscore.application.port.in;

import io.leadscore.application.port.out.WebhookSubscription;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A webhook subscription as the API shows it: everything but its secret.
 *
 * @param description null when none was given
 */
public record Webhook(
    String id,
    String workspace,
    String url,
    List<String> types,
    String description,
    Instant createdAt) {
  public Webhook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(url, "url");
    types = List.copyOf(types);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The subscription without its secret. */
  public static Webhook from(WebhookSubscription subscription) {
    return new Webhook(
        subscription.id(),
        subscription.workspace(),
        subscription.url(),
        subscription.types(),
        subscription.description(),
        subscription.createdAt());
  }
}
