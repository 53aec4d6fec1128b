package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An outbound webhook subscription: where a workspace's notifications of the given types are
 * POSTed, signed with {@code secret} (http-api.md, "Outbound webhooks"). The secret is stored
 * because signing needs it; the API shows it once, at creation.
 *
 * @param url an absolute http or https URL
 * @param types notification types ({@link Notification#TYPES}), at least one, no duplicates
 * @param description free text, or null
 * @param secret the HMAC-SHA256 key, {@code whsec_} and base64url
 */
public record WebhookSubscription(
    String id,
    String workspace,
    String url,
    List<String> types,
    String description,
    String secret,
    Instant createdAt) {
  public WebhookSubscription {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(url, "url");
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("types: must not be empty");
    }
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether notifications of {@code type} go to this subscription. */
  public boolean wants(String type) {
    return types.contains(type);
  }

  @Override
  public String toString() {
    return "WebhookSubscription[id=%s, workspace=%s, url=%s, types=%s, secret=(hidden)]"
        .formatted(id, workspace, url, types);
  }
}
