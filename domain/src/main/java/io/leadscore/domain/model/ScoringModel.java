package io.leadscore.domain.model;

import io.leadscore.domain.model.rule.EngagementRule;
import io.leadscore.domain.model.rule.FitRule;
import java.util.List;
import java.util.Objects;

/**
 * A scoring model: how a contact earns and loses points (scoring-model.md, "Document"). Lists keep
 * the document's order, which is the breakdown's order. Empty {@code tiers} or {@code grades} mean
 * the model has none (the LeadScore's tier or grade is then null). Immutable. Built by {@code
 * ModelReader}, which validates user input; the constructor guards invariants.
 */
public record ScoringModel(
    String id,
    String name,
    Scale scale,
    List<FitRule> fit,
    List<EngagementRule> engagement,
    List<Topic> topics,
    List<Tier> tiers,
    List<Grade> grades) {
  public ScoringModel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scale, "scale");
    fit = List.copyOf(fit);
    engagement = List.copyOf(engagement);
    topics = List.copyOf(topics);
    tiers = List.copyOf(tiers);
    grades = List.copyOf(grades);
  }
}
