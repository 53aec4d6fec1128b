package io.leadscore.domain.model.rule;

import java.time.Duration;

/**
 * How many awards a rule keeps (scoring-model.md, Semantics 2 and "Count, then limit"). Awards are
 * kept or dropped in event order; {@code per} counts kept awards only.
 */
public sealed interface Limit {

  /** No {@code limit}: every award is kept. */
  record Unlimited() implements Limit {}

  /** {@code limit: { times: N }}: the first N awards ever. */
  record Times(int times) implements Limit {
    public Times {
      if (times < 1) {
        throw new IllegalArgumentException("times: must be at least 1, was " + times);
      }
    }
  }

  /**
   * {@code limit: { times: N, per: W }}: an award at t is dropped when N were kept in (t - W, t].
   */
  record TimesPer(int times, Duration per) implements Limit {
    public TimesPer {
      if (times < 1) {
        throw new IllegalArgumentException("times: must be at least 1, was " + times);
      }
      if (per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("per: must be positive, was " + per);
      }
    }
  }
}
