package io.leadscore.application.service;

import io.leadscore.application.egress.EgressPolicy;
import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.CreateWebhookCommand;
import io.leadscore.application.port.in.CreatedWebhook;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.ManageWebhooksUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.Webhook;
import io.leadscore.application.port.out.DeliveryState;
import io.leadscore.application.port.out.WebhookDeliveries;
import io.leadscore.application.port.out.WebhookDelivery;
import io.leadscore.application.port.out.WebhookRepository;
import io.leadscore.application.port.out.WebhookSubscription;
import io.leadscore.domain.reading.Problem;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Manages webhook subscriptions (see {@link ManageWebhooksUseCase}). A secret is {@code whsec_} and
 * 32 bytes from a {@link SecureRandom} in unpadded base64url (256 bits). Thread-safe.
 */
public final class ManageWebhooksService implements ManageWebhooksUseCase {
  /** The most deliveries one listing returns. */
  public static final int MAX_LIMIT = 1000;

  /** The most subscriptions one workspace may have (each one multiplies every notification). */
  public static final int MAX_SUBSCRIPTIONS = 25;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookRepository webhooks;
  private final WebhookDeliveries deliveries;
  private final Clock clock;
  private final EgressPolicy egress;

  /**
   * @param egress where subscription URLs may point (checked again at every delivery)
   */
  public ManageWebhooksService(
      WebhookRepository webhooks, WebhookDeliveries deliveries, Clock clock, EgressPolicy egress) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.clock = clock;
    this.egress = egress;
  }

  @Override
  public CreatedWebhook create(CreateWebhookCommand command) {
    var problems = new ArrayList<Problem>();
    WebhookReader.Request request = WebhookReader.read(command.body(), egress, problems);
    if (request == null) {
      throw new InvalidInputException("invalid webhook", problems);
    }
    if (webhooks.list(command.workspace()).size() >= MAX_SUBSCRIPTIONS) {
      throw new ConflictException(
          "the workspace has "
              + MAX_SUBSCRIPTIONS
              + " webhook subscriptions, the most allowed; delete one first");
    }
    var subscription =
        new WebhookSubscription(
            RandomIds.next("wh_", 20),
            command.workspace(),
            request.url(),
            request.types(),
            request.description(),
            newSecret(),
            clock.instant());
    webhooks.save(subscription);
    return new CreatedWebhook(Webhook.from(subscription), subscription.secret());
  }

  @Override
  public List<Webhook> list(String workspace) {
    return webhooks.list(workspace).stream().map(Webhook::from).toList();
  }

  @Override
  public Webhook get(String workspace, String id) {
    return Webhook.from(existing(workspace, id));
  }

  @Override
  public void delete(String workspace, String id) {
    if (!webhooks.delete(workspace, id)) {
      throw new NotFoundException("webhook", id);
    }
  }

  @Override
  public List<WebhookDelivery> deliveries(
      String workspace, String subscriptionId, DeliveryState state, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidInputException.at("limit", "must be from 1 to " + MAX_LIMIT);
    }
    existing(workspace, subscriptionId);
    return deliveries.list(workspace, subscriptionId, state, limit);
  }

  private WebhookSubscription existing(String workspace, String id) {
    return webhooks.find(workspace, id).orElseThrow(() -> new NotFoundException("webhook", id));
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
