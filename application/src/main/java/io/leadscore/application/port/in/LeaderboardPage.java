package io.leadscore.application.port.in;

import io.leadscore.application.port.out.MaterialisedScore;
import java.util.List;

/**
 * Rows of a leaderboard, highest score first, and the opaque cursor of the next page (null on the
 * last page).
 */
public record LeaderboardPage(List<MaterialisedScore> items, String next) {
  public LeaderboardPage {
    items = List.copyOf(items);
  }
}
