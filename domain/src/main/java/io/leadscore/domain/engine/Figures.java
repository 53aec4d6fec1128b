package io.leadscore.domain.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds engine figures for the API and CLI (scoring-model.md, "Rounding"): half away from zero to
 * 2 decimals on the double's shortest decimal form; {@code -0} becomes {@code 0}; trailing zeros
 * are dropped so integral figures print as JSON integers.
 */
public final class Figures {
  private Figures() {}

  /** The figure rounded to 2 decimals, without trailing zeros and never negative zero. */
  public static BigDecimal round(double figure) {
    if (!Double.isFinite(figure)) {
      throw new IllegalArgumentException("figure: must be finite, was " + figure);
    }
    BigDecimal rounded = new BigDecimal(Double.toString(figure)).setScale(2, RoundingMode.HALF_UP);
    if (rounded.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = rounded.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
