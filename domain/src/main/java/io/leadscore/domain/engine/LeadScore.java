package io.leadscore.domain.engine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A contact's score under one model at one instant (scoring-model.md, "Output"). Figures are
 * unrounded doubles; {@link Figures#round} rounds them for display. {@code score} is clamped,
 * {@code fit} and {@code engagement} are not. {@code tier} and {@code grade} are null when the
 * model has no tiers or grades, as the JSON output shows.
 */
public record LeadScore(
    String model,
    Instant asOf,
    double score,
    double fit,
    double engagement,
    String tier,
    String grade,
    List<TopicInterest> topics,
    List<Contribution> breakdown) {
  public LeadScore {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(asOf, "asOf");
    topics = List.copyOf(topics);
    breakdown = List.copyOf(breakdown);
  }

  /** One topic's interest: distinct items seen and whether that reaches {@code interestedAt}. */
  public record TopicInterest(String topic, int items, boolean interested) {}

  /** Which kind of rule a breakdown entry comes from. */
  public enum Kind {
    FIT,
    ENGAGEMENT;

    /** The JSON name: {@code fit} or {@code engagement}. */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A rule's share of the score: kept awards and their (decayed) points, unrounded. */
  public record Contribution(String rule, Kind kind, int awards, double points) {}
}
