package io.leadscore.application.port.in;

/**
 * Counts per tier and grade and a score histogram of {@value #BUCKETS} buckets, from materialised
 * scores (as fresh as the leaderboard).
 *
 * @throws NotFoundException for an unknown model
 */
public interface ScoreDistributionUseCase {
  int BUCKETS = 20;

  Distribution distribution(String workspace, String modelId);
}
