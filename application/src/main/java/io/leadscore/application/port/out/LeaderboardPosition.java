package io.leadscore.application.port.out;

import java.util.Objects;

/**
 * A place in a leaderboard: rows come by score (highest first), then contact id; a page starts
 * after this position (keyset pagination, so page 500 costs what page 1 does).
 */
public record LeaderboardPosition(double score, String contactId) {
  public LeaderboardPosition {
    Objects.requireNonNull(contactId, "contactId");
  }
}
