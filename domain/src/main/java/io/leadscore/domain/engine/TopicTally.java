package io.leadscore.domain.engine;

import io.leadscore.domain.event.Event;
import io.leadscore.domain.model.Topic;
import io.leadscore.domain.model.condition.Value;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One topic's running tally over one contact's history (scoring-model.md, Semantics 5): when each
 * distinct item was first seen, so the item count at any {@code asOf} is exact whatever order
 * events arrive in. Items compare case-sensitively by their text form. Not thread-safe.
 */
final class TopicTally {
  private final Topic topic;
  private final Map<String, Instant> firstSeen = new HashMap<>();
  private Instant latestFirstSeen = Instant.MIN;

  TopicTally(Topic topic) {
    this.topic = topic;
  }

  void add(Event event) {
    Value value = event.properties().get(topic.distinct());
    // instanceof rather than a pattern switch: this runs per matching event
    if (value instanceof Value.Scalar scalar) {
      see(scalar.text(), event.occurredAt());
    } else if (value instanceof Value.Many many) {
      for (Value.Scalar element : many.values()) {
        see(element.text(), event.occurredAt());
      }
    }
  }

  private void see(String item, Instant at) {
    Instant first = firstSeen.merge(item, at, (old, now) -> now.isBefore(old) ? now : old);
    if (first.isAfter(latestFirstSeen)) {
      latestFirstSeen = first;
    }
  }

  LeadScore.TopicInterest interestAt(Instant asOf) {
    int items;
    if (!latestFirstSeen.isAfter(asOf)) {
      items = firstSeen.size();
    } else {
      items = 0;
      for (Instant first : firstSeen.values()) {
        if (!first.isAfter(asOf)) {
          items++;
        }
      }
    }
    return new LeadScore.TopicInterest(topic.id(), items, items >= topic.interestedAt());
  }
}
