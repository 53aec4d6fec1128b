package io.leadscore.application.port.in;

import java.util.Objects;

/**
 * One page of a leaderboard. {@code tier}, {@code grade}, {@code topic} null for any; {@code
 * cursor} null for the first page, else the {@code next} of the previous page.
 */
public record LeaderboardQuery(
    String workspace,
    String model,
    String tier,
    String grade,
    String topic,
    int limit,
    String cursor) {
  public LeaderboardQuery {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(model, "model");
  }
}
