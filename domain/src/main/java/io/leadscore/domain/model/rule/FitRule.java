package io.leadscore.domain.model.rule;

import io.leadscore.domain.model.condition.Condition;
import java.util.Objects;

/**
 * A fit rule: {@code points} once when {@code when} holds on the contact's current attributes and
 * tags (scoring-model.md, Semantics 1). Points may be negative; no decay.
 */
public record FitRule(String id, double points, Condition when) {
  public FitRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(when, "when");
    if (!Double.isFinite(points)) {
      throw new IllegalArgumentException("points: must be finite, was " + points);
    }
  }
}
