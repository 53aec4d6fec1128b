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
 * @param contactRevision the contact's revision the score was computed from ({@link
 *     ContactHistory#revision()}): what tells a fresher row from a staler one
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
    Instant refreshAt,
    long contactRevision) {
  public MaterialisedScore {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(model, "model");
    interestedTopics = List.copyOf(interestedTopics);
    topRules = List.copyOf(topRules);
    Objects.requireNonNull(computedAt, "computedAt");
    if (contactRevision < 0) {
      throw new IllegalArgumentException("contactRevision: must be >= 0, was " + contactRevision);
    }
  }

  /** A row computed from revision 0 of its contact. */
  public MaterialisedScore(
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
    this(
        contactId,
        model,
        modelVersion,
        score,
        fit,
        engagement,
        tier,
        grade,
        interestedTopics,
        topRules,
        computedAt,
        refreshAt,
        0);
  }

  /**
   * Whether this row may replace {@code stored}: it was computed from a later revision of the
   * contact, or from the same one under another version or no earlier. A row never replaces one
   * computed from a later revision.
   */
  public boolean replaces(MaterialisedScore stored) {
    if (contactRevision != stored.contactRevision) {
      return contactRevision > stored.contactRevision;
    }
    return modelVersion != stored.modelVersion || !computedAt.isBefore(stored.computedAt);
  }
}
