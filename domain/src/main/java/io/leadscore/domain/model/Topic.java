package io.leadscore.domain.model;

import io.leadscore.domain.model.condition.Condition;
import io.leadscore.domain.model.rule.EventTypes;
import java.util.Objects;

/**
 * Topic interest (scoring-model.md, Semantics 5): the number of distinct values of the event
 * property {@code distinct} among matching events; interested at {@code interestedAt} items.
 */
public record Topic(String id, EventTypes on, Condition where, String distinct, int interestedAt) {
  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(distinct, "distinct");
    if (interestedAt < 1) {
      throw new IllegalArgumentException("interestedAt: must be at least 1, was " + interestedAt);
    }
  }
}
