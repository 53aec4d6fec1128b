package io.leadscore.application.port.in;

import io.leadscore.domain.model.ScoringModel;

/**
 * Validates and stores a model's draft (creating the model when new); the live version is not
 * touched.
 *
 * @return the parsed draft
 * @throws UnreadableDocumentException when the text is not JSON or YAML
 * @throws InvalidInputException with every validation problem and its path; nothing stored
 */
public interface SaveModelDraftUseCase {
  ScoringModel save(SaveModelDraftCommand command);
}
