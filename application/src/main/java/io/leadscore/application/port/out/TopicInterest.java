package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact became interested in a topic under a model's live version ({@code topic.interested}):
 * its distinct items for the topic reached the topic's {@code interestedAt} (scoring-model.md,
 * topics) where, in the row materialised before, it had not (or the contact had no row yet).
 *
 * @param items distinct items seen for the topic when the interest was found
 * @param at when the score was computed
 */
public record TopicInterest(
    String workspace, String model, String contactId, String topic, int items, Instant at) {
  public TopicInterest {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(at, "at");
  }
}
