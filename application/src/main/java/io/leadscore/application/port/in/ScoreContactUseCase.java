package io.leadscore.application.port.in;

/**
 * A contact's exact score at {@code asOf} under a model's live version, with that version's number:
 * the engine over the stored events (http-api.md, "Scores on read").
 *
 * @throws NotFoundException for an unknown contact, or a model without a live version
 */
public interface ScoreContactUseCase {
  ContactScore score(ScoreContactQuery query);
}
