package io.leadscore.application.port.in;

import io.leadscore.domain.engine.LeadScore;
import java.util.Objects;

/**
 * A contact's exact score and the model version that computed it (the live one when asked).
 *
 * @param modelVersion the version number, from 1
 */
public record ContactScore(LeadScore score, int modelVersion) {
  public ContactScore {
    Objects.requireNonNull(score, "score");
    if (modelVersion < 1) {
      throw new IllegalArgumentException("modelVersion: must be at least 1, was " + modelVersion);
    }
  }
}
