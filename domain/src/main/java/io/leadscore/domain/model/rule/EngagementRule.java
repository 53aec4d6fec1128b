package io.leadscore.domain.model.rule;

import io.leadscore.domain.model.condition.Condition;
import java.util.Objects;

/**
 * An engagement rule: awards {@code points} for events matching {@code on} and {@code where}, as
 * its {@link Trigger} decides, kept by its {@link Limit} and faded by its {@link Decay}
 * (scoring-model.md, Semantics 2).
 */
public record EngagementRule(
    String id,
    double points,
    EventTypes on,
    Condition where,
    Trigger trigger,
    Limit limit,
    Decay decay) {
  public EngagementRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(decay, "decay");
    if (!Double.isFinite(points)) {
      throw new IllegalArgumentException("points: must be finite, was " + points);
    }
  }
}
