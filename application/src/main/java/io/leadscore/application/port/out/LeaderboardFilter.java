package io.leadscore.application.port.out;

import java.util.Objects;

/**
 * Which materialised scores a leaderboard shows: one model, optionally one tier, one grade and one
 * topic the contact is interested in (null for any).
 */
public record LeaderboardFilter(String model, String tier, String grade, String topic) {
  public LeaderboardFilter {
    Objects.requireNonNull(model, "model");
  }
}
