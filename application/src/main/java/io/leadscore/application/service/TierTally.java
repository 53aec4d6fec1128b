package io.leadscore.application.service;

import io.leadscore.application.port.in.Simulation.TierCount;
import io.leadscore.domain.model.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts contacts per level (tier or grade) keeping the model's order, with contacts that have no
 * level (null) last, and any level the model no longer has (a stale row) after the known ones.
 */
final class TierTally {
  private final Map<String, long[]> counts = new LinkedHashMap<>();
  private long none;

  TierTally(List<String> levels) {
    for (String level : levels) {
      counts.put(level, new long[1]);
    }
  }

  static TierTally ofTiers(List<Tier> tiers) {
    return new TierTally(tiers.stream().map(Tier::id).toList());
  }

  void add(String level) {
    if (level == null) {
      none++;
    } else {
      counts.computeIfAbsent(level, key -> new long[1])[0]++;
    }
  }

  List<TierCount> tiers() {
    var out = new ArrayList<TierCount>();
    counts.forEach((level, count) -> out.add(new TierCount(level, count[0])));
    if (none > 0) {
      out.add(new TierCount(null, none));
    }
    return out;
  }
}
