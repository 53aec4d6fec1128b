package io.leadscore.domain.model.rule;

import java.time.Duration;

/**
 * When an engagement rule awards (scoring-model.md, Semantics 2): at every matching event, or, with
 * {@code count}, at the event that brings at least {@code atLeast} matching events into {@code (t -
 * within, t]}, unless the count already awarded in that window.
 */
public sealed interface Trigger {

  /** Every matching event is an award. */
  record EachEvent() implements Trigger {}

  /** {@code count: { atLeast: k, within: W }}. */
  record Count(int atLeast, Duration within) implements Trigger {
    public Count {
      if (atLeast < 1) {
        throw new IllegalArgumentException("atLeast: must be at least 1, was " + atLeast);
      }
      if (within.isNegative() || within.isZero()) {
        throw new IllegalArgumentException("within: must be positive, was " + within);
      }
    }
  }
}
