package io.leadscore.domain.model;

/**
 * The range the total score is clamped into (scoring-model.md, Semantics 3). An absent bound is
 * infinite: {@link #UNBOUNDED} has neither.
 */
public record Scale(double floor, double cap) {
  public static final Scale UNBOUNDED =
      new Scale(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  public Scale {
    if (Double.isNaN(floor)
        || Double.isNaN(cap)
        || floor == Double.POSITIVE_INFINITY
        || cap == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("floor/cap: must be numbers, were " + floor + "/" + cap);
    }
    if (floor > cap) {
      throw new IllegalArgumentException("floor: must be <= cap, was " + floor + " > " + cap);
    }
  }

  /** Whether the model sets a floor. */
  public boolean hasFloor() {
    return floor != Double.NEGATIVE_INFINITY;
  }

  /** Clamps a score into [floor, cap]. */
  public double clamp(double score) {
    return Math.min(cap, Math.max(floor, score));
  }
}
