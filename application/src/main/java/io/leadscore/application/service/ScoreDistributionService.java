package io.leadscore.application.service;

import io.leadscore.application.port.in.Distribution;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.ScoreDistributionUseCase;
import io.leadscore.application.port.in.Simulation.TierCount;
import io.leadscore.application.port.out.MaterialisedScore;
import io.leadscore.application.port.out.ScoreStore;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.domain.model.Grade;
import io.leadscore.domain.model.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tiers, grades and a histogram from the materialised scores of a model's live version. The
 * histogram spans the model's scale when it is bounded, else the lowest to the highest score.
 */
public final class ScoreDistributionService implements ScoreDistributionUseCase {
  private final LiveModels liveModels;
  private final ScoreStore scores;

  public ScoreDistributionService(LiveModels liveModels, ScoreStore scores) {
    this.liveModels = liveModels;
    this.scores = scores;
  }

  @Override
  public Distribution distribution(String workspace, String modelId) {
    LiveModels.Live live =
        liveModels
            .live(workspace, modelId)
            .orElseThrow(() -> new NotFoundException("published version of model", modelId));
    ScoringModel model = live.compiled().model();
    TierTally tiers = TierTally.ofTiers(model.tiers());
    TierTally grades = new TierTally(model.grades().stream().map(Grade::id).toList());
    var values = new double[1024];
    int count = 0;
    try (Stream<MaterialisedScore> rows = scores.all(workspace, modelId)) {
      for (MaterialisedScore row : (Iterable<MaterialisedScore>) rows::iterator) {
        tiers.add(row.tier());
        grades.add(row.grade());
        if (count == values.length) {
          values = java.util.Arrays.copyOf(values, count * 2);
        }
        values[count++] = row.score();
      }
    }
    List<Distribution.GradeCount> gradeCounts =
        grades.tiers().stream()
            .map((TierCount level) -> new Distribution.GradeCount(level.tier(), level.contacts()))
            .toList();
    return new Distribution(
        modelId, count, tiers.tiers(), gradeCounts, histogram(model, values, count));
  }

  private static List<Distribution.Bucket> histogram(
      ScoringModel model, double[] values, int count) {
    if (count == 0) {
      return List.of();
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      low = Math.min(low, values[i]);
      high = Math.max(high, values[i]);
    }
    if (Double.isFinite(model.scale().floor())) {
      low = Math.min(low, model.scale().floor());
    }
    if (Double.isFinite(model.scale().cap())) {
      high = Math.max(high, model.scale().cap());
    }
    if (high == low) {
      return List.of(new Distribution.Bucket(low, high, count));
    }
    double width = (high - low) / BUCKETS;
    long[] buckets = new long[BUCKETS];
    for (int i = 0; i < count; i++) {
      int bucket = (int) Math.min(BUCKETS - 1, Math.floor((values[i] - low) / width));
      buckets[bucket]++;
    }
    var out = new ArrayList<Distribution.Bucket>(BUCKETS);
    for (int i = 0; i < BUCKETS; i++) {
      double to = i == BUCKETS - 1 ? high : low + width * (i + 1);
      out.add(new Distribution.Bucket(low + width * i, to, buckets[i]));
    }
    return out;
  }
}
