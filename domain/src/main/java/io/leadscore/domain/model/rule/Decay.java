package io.leadscore.domain.model.rule;

import java.time.Duration;

/**
 * How a kept award's points fade with its age, {@code asOf - occurredAt} (scoring-model.md,
 * Semantics 2 and "Decay"). Age is never negative: events after {@code asOf} count nowhere.
 */
public sealed interface Decay {

  /** The award's contribution at this age. */
  default double apply(double points, Duration age) {
    return apply(points, age.getSeconds(), age.getNano());
  }

  /**
   * The award's contribution at the age {@code ageSeconds + ageNanos / 1e9}; the engine's hot path,
   * which allocates nothing.
   */
  double apply(double points, long ageSeconds, int ageNanos);

  /** No decay: full points forever. */
  record None() implements Decay {
    @Override
    public double apply(double points, long ageSeconds, int ageNanos) {
      return points;
    }
  }

  /** {@code halfLife: D}: {@code points * 0.5 ^ (ageSeconds / halfLifeSeconds)}, continuous. */
  record HalfLife(Duration halfLife) implements Decay {
    public HalfLife {
      if (halfLife.isNegative() || halfLife.isZero()) {
        throw new IllegalArgumentException("halfLife: must be positive, was " + halfLife);
      }
    }

    @Override
    public double apply(double points, long ageSeconds, int ageNanos) {
      double age = ageSeconds + ageNanos / 1e9;
      return points * Math.pow(0.5, age / (halfLife.getSeconds() + halfLife.getNano() / 1e9));
    }
  }

  /**
   * {@code perDay: x}: loses x points per whole elapsed day toward 0, never past it: {@code sign(p)
   * * max(0, |p| - x * floor(age / 1 day))} (Ontraport-style degradation).
   */
  record PerDay(double pointsPerDay) implements Decay {
    public PerDay {
      if (!(pointsPerDay >= 0) || Double.isInfinite(pointsPerDay)) {
        throw new IllegalArgumentException(
            "perDay: must be a finite number >= 0, was " + pointsPerDay);
      }
    }

    @Override
    public double apply(double points, long ageSeconds, int ageNanos) {
      long days = ageSeconds / 86_400;
      double remaining = Math.max(0, Math.abs(points) - pointsPerDay * days);
      return Math.signum(points) * remaining;
    }
  }

  /**
   * {@code after: D}: full points while {@code age < D}, 0 from {@code age == D} (points expire).
   */
  record Expires(Duration after) implements Decay {
    public Expires {
      if (after.isNegative() || after.isZero()) {
        throw new IllegalArgumentException("after: must be positive, was " + after);
      }
    }

    @Override
    public double apply(double points, long ageSeconds, int ageNanos) {
      boolean younger =
          ageSeconds < after.getSeconds()
              || (ageSeconds == after.getSeconds() && ageNanos < after.getNano());
      return younger ? points : 0;
    }
  }
}
