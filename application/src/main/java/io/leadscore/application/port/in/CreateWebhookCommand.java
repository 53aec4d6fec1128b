package io.leadscore.application.port.in;

import java.util.Objects;

/**
 * Subscribe a workspace to outbound webhooks.
 *
 * @param body the request as a generic tree (Map, List, String, Number, Boolean, null): {@code {
 *     "url": "https://...", "types": ["score.tier_changed", "topic.interested"], "description":
 *     "optional" }}
 */
public record CreateWebhookCommand(String workspace, Object body) {
  public CreateWebhookCommand {
    Objects.requireNonNull(workspace, "workspace");
  }
}
