package io.leadscore.application.port.in;

import io.leadscore.domain.engine.LeadScore;

/**
 * A contact's exact score at {@code asOf} under a model's live version: the engine over the stored
 * events (http-api.md, "Scores on read").
 *
 * @throws NotFoundException for an unknown contact, or a model without a live version
 */
public interface ScoreContactUseCase {
  LeadScore score(ScoreContactQuery query);
}
