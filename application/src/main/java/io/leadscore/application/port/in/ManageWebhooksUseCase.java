package io.leadscore.application.port.in;

import io.leadscore.application.port.out.DeliveryState;
import io.leadscore.application.port.out.WebhookDelivery;
import java.util.List;

/**
 * Creates, lists and deletes a workspace's outbound webhook subscriptions and shows their
 * deliveries (http-api.md, "Outbound webhooks"). A subscription's secret is returned only by {@link
 * #create}. Subscriptions receive notifications written after they were created.
 */
public interface ManageWebhooksUseCase {
  /**
   * Validates and stores a subscription with a new random secret.
   *
   * @throws InvalidInputException with every problem and its path ({@code url}, {@code types[1]},
   *     ...); nothing is stored
   */
  CreatedWebhook create(CreateWebhookCommand command);

  /** The workspace's subscriptions, oldest first. */
  List<Webhook> list(String workspace);

  /**
   * One subscription.
   *
   * @throws NotFoundException when the workspace has no such subscription
   */
  Webhook get(String workspace, String id);

  /**
   * Deletes a subscription and its deliveries (pending ones are not sent).
   *
   * @throws NotFoundException when the workspace has no such subscription
   */
  void delete(String workspace, String id);

  /**
   * A subscription's deliveries, newest first, with their state, attempts, last error and next
   * attempt, so failed ones are visible.
   *
   * @param state only this state, or null for every state
   * @param limit 1 to 1000
   * @throws NotFoundException when the workspace has no such subscription
   * @throws InvalidInputException for a limit out of range
   */
  List<WebhookDelivery> deliveries(
      String workspace, String subscriptionId, DeliveryState state, int limit);
}
