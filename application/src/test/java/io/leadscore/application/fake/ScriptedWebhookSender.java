package io.leadscore.application.fake;

import io.leadscore.application.port.out.DueDelivery;
import io.leadscore.application.port.out.WebhookSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A {@link WebhookSender} for tests: records every attempt and answers with the outcomes it was
 * given, in order, then {@code Delivered(200)}. Thread-safe.
 */
public final class ScriptedWebhookSender implements WebhookSender {
  private final Deque<Outcome> script = new ArrayDeque<>();
  private final List<DueDelivery> sent = new ArrayList<>();

  /** Answers the next attempts with these outcomes, after any already queued. */
  public synchronized ScriptedWebhookSender answer(Outcome... outcomes) {
    script.addAll(List.of(outcomes));
    return this;
  }

  @Override
  public synchronized Outcome send(DueDelivery delivery) {
    sent.add(delivery);
    Outcome next = script.poll();
    return next != null ? next : new Outcome.Delivered(200);
  }

  /** Every attempt so far, in order. */
  public synchronized List<DueDelivery> sent() {
    return List.copyOf(sent);
  }
}
