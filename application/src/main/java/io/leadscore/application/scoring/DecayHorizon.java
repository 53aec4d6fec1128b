package io.leadscore.application.scoring;

import io.leadscore.domain.engine.LeadScore;
import io.leadscore.domain.engine.LeadScore.Contribution;
import io.leadscore.domain.model.ScoringModel;
import io.leadscore.domain.model.Tier;
import io.leadscore.domain.model.rule.Decay;
import io.leadscore.domain.model.rule.EngagementRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a contact's tier is sure to hold without new events: the decay sweep's schedule
 * (quality.md, "decay-upkeep"). Decay only moves each award toward zero, and each rule's kept
 * awards are fixed once made, so over the next {@code d} every rule's contribution stays within a
 * range known from the breakdown alone:
 *
 * <ul>
 *   <li>{@code halfLife h}: between its value now and that value times {@code 0.5^(d/h)} (every
 *       award of the rule fades by the same factor, so the sum does too);
 *   <li>{@code perDay x}: at most {@code awards * x * ceil(d / 1 day)} closer to zero, never past
 *       it;
 *   <li>{@code after}: anywhere between its value and zero (an award may expire at any moment).
 * </ul>
 *
 * Summing the ranges bounds the score (clamping is monotone). The horizon is the longest {@code d}
 * in 15 minutes, 30 minutes, ... up to 512 days whose bounds stay inside the current tier; the row
 * is rechecked then. When the bounds stay inside it forever, or nothing decays, there is no recheck
 * at all: most contacts (cold ones with fading clicks, contacts without decaying rules) are never
 * swept. A row may show a score up to its tier's width stale between rechecks; its {@code
 * computedAt} says when it was exact, and {@code GET .../score} is always exact.
 */
public final class DecayHorizon {
  /** The shortest recheck interval, and the unit of the doubling search. */
  public static final Duration MIN = Duration.ofMinutes(15);

  private static final Duration MAX = Duration.ofDays(512);

  /** How close to the first instant the tier may change the recheck lands. */
  private static final Duration PRECISION = Duration.ofMinutes(1);

  private final ScoringModel model;
  private final Map<String, Decay> decayByRule = new HashMap<>();

  /** The horizon of scores under {@code model}; make one per model version and reuse it. */
  public DecayHorizon(ScoringModel model) {
    this.model = model;
    for (EngagementRule rule : model.engagement()) {
      decayByRule.put(rule.id(), rule.decay());
    }
  }

  /** A decaying contribution: its rule's decay, its value now and how many awards it holds. */
  private record Fading(Decay decay, double points, int awards) {}

  /**
   * When to recheck a score computed at {@code now}, or null when decay can never change its tier.
   */
  public Instant recheckAt(LeadScore score, Instant now) {
    if (model.tiers().isEmpty()) {
      return null;
    }
    double steady = score.fit();
    var fading = new ArrayList<Fading>();
    for (Contribution contribution : score.breakdown()) {
      if (contribution.kind() != LeadScore.Kind.ENGAGEMENT) {
        continue;
      }
      Decay decay = decayByRule.getOrDefault(contribution.rule(), new Decay.None());
      if (decay instanceof Decay.None || contribution.points() == 0) {
        steady += contribution.points();
      } else {
        fading.add(new Fading(decay, contribution.points(), contribution.awards()));
      }
    }
    if (fading.isEmpty()) {
      return null;
    }
    double[] band = band(model.tiers(), score.tier());
    if (holds(model, steady, fading, null, band)) {
      return null;
    }
    Duration horizon = Duration.ZERO;
    Duration failing = null;
    for (Duration span = MIN; span.compareTo(MAX) <= 0; span = span.multipliedBy(2)) {
      if (!holds(model, steady, fading, span, band)) {
        failing = span;
        break;
      }
      horizon = span;
    }
    if (horizon.isZero()) {
      return now.plus(MIN);
    }
    // the bounds only widen with the span: bisect between the last span that holds and the first
    // that fails, so a row is rechecked once just before its tier can change, not at every halving
    while (failing != null && failing.minus(horizon).compareTo(PRECISION) > 0) {
      Duration middle = horizon.plus(failing.minus(horizon).dividedBy(2));
      if (holds(model, steady, fading, middle, band)) {
        horizon = middle;
      } else {
        failing = middle;
      }
    }
    return now.plus(horizon);
  }

  /** {@code [from, next tier's from)} of the tier, the lowest tier reaching down forever. */
  private static double[] band(List<Tier> tiers, String tier) {
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).id().equals(tier)) {
        double low = i == 0 ? Double.NEGATIVE_INFINITY : tiers.get(i).from();
        double high = i + 1 < tiers.size() ? tiers.get(i + 1).from() : Double.POSITIVE_INFINITY;
        return new double[] {low, high};
      }
    }
    // below every tier (a score under the first tier's from): any rise may enter one
    return new double[] {Double.NEGATIVE_INFINITY, tiers.get(0).from()};
  }

  /** Whether the score stays in the band for all of the next {@code span} (null: forever). */
  private static boolean holds(
      ScoringModel model, double steady, List<Fading> fading, Duration span, double[] band) {
    double low = steady;
    double high = steady;
    for (Fading contribution : fading) {
      double later = later(contribution, span);
      low += Math.min(contribution.points(), later);
      high += Math.max(contribution.points(), later);
    }
    return model.scale().clamp(low) >= band[0] && model.scale().clamp(high) < band[1];
  }

  /** The contribution's value at the far end of the span, or its furthest reach toward zero. */
  private static double later(Fading contribution, Duration span) {
    double points = contribution.points();
    if (span == null) {
      return 0;
    }
    return switch (contribution.decay()) {
      case Decay.None none -> points;
      case Decay.HalfLife(Duration halfLife) ->
          points * Math.pow(0.5, (double) span.toSeconds() / halfLife.toSeconds());
      case Decay.PerDay(double perDay) -> {
        long days = (span.toSeconds() + 86_399) / 86_400;
        double lost = perDay * days * contribution.awards();
        yield Math.signum(points) * Math.max(0, Math.abs(points) - lost);
      }
      case Decay.Expires expires -> 0;
    };
  }
}
