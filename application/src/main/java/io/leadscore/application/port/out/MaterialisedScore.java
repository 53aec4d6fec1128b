package io.leadscore.application.port.out;

import io.leadscore.domain.engine.LeadScore.Contribution;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A contact's score under a model's live version as computed at {@code computedAt}, kept for the
 * leaderboard and distributions (http-api.md, "Scores on read and on the leaderboard"). Exact
 * scores are computed on read; this row may lag until it is refreshed.
 *
 * @param tier null when the model has no tiers
 * @param grade null when the model has no grades
 * @param interestedTopics topics the contact is interested in
 * @param topRules the biggest contributions by size, at most three
 * @param refreshAt when decay may have moved the score enough to refresh it, or null for never
 */
public record MaterialisedScore(
    String contactId,
    String model,
    int modelVersion,
    double score,
    double fit,
    double engagement,
    String tier,
    String grade,
    List<String> interestedTopics,
    List<Contribution> topRules,
    Instant computedAt,
    Instant refreshAt) {
  public MaterialisedScore {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(model, "model");
    interestedTopics = List.copyOf(interestedTopics);
    topRules = List.copyOf(topRules);
    Objects.requireNonNull(computedAt, "computedAt");
  }
}
