package io.leadscore.application.port.in;

import io.leadscore.domain.engine.LeadScore;
import java.time.Instant;
import java.util.List;

/**
 * A draft beside the live version on every contact's full history (http-api.md, {@code simulate}).
 * A null tier means "no tier" (no live version, or a model without tiers).
 *
 * @param liveVersion 0 when no version is live (every contact then starts without a tier)
 * @param before contacts per tier under the live version, in the model's tier order
 * @param after contacts per tier under the draft
 * @param moves contacts per (from, to) pair of tiers that differ
 * @param biggestMovers the 20 contacts whose score changed most, largest change first
 */
public record Simulation(
    String model,
    int liveVersion,
    Instant asOf,
    long contacts,
    List<TierCount> before,
    List<TierCount> after,
    List<TierMove> moves,
    List<Mover> biggestMovers) {
  public Simulation {
    before = List.copyOf(before);
    after = List.copyOf(after);
    moves = List.copyOf(moves);
    biggestMovers = List.copyOf(biggestMovers);
  }

  /** How many contacts are in a tier (null: no tier). */
  public record TierCount(String tier, long contacts) {}

  /** How many contacts move from one tier to another. */
  public record TierMove(String from, String to, long contacts) {}

  /** A contact's score before (null without a live version) and after, with breakdowns. */
  public record Mover(String contactId, LeadScore before, LeadScore after, double change) {}
}
