package io.leadscore.application.port.in;

import java.util.List;

/**
 * How a model's materialised scores spread: contacts per tier and per grade (null: none), and a
 * histogram of equal-width buckets, each {@code [from, to)} except the last, which includes {@code
 * to}.
 */
public record Distribution(
    String model,
    long contacts,
    List<Simulation.TierCount> tiers,
    List<GradeCount> grades,
    List<Bucket> histogram) {
  public Distribution {
    tiers = List.copyOf(tiers);
    grades = List.copyOf(grades);
    histogram = List.copyOf(histogram);
  }

  /** How many contacts have a grade (null: no grade). */
  public record GradeCount(String grade, long contacts) {}

  /** How many scores fall in {@code [from, to)}. */
  public record Bucket(double from, double to, long contacts) {}
}
