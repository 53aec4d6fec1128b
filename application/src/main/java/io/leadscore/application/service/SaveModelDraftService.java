package io.leadscore.application.service;

import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.in.SaveModelDraftUseCase;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.scoring.LiveModels;
import io.leadscore.domain.model.ScoringModel;
import java.time.Clock;

/** Validates a draft and stores it as written; nothing is stored when it has problems. */
public final class SaveModelDraftService implements SaveModelDraftUseCase {
  private final LiveModels liveModels;
  private final ModelRepository models;
  private final Clock clock;

  public SaveModelDraftService(LiveModels liveModels, ModelRepository models, Clock clock) {
    this.liveModels = liveModels;
    this.models = models;
    this.clock = clock;
  }

  @Override
  public ScoringModel save(SaveModelDraftCommand command) {
    ScoringModel model = liveModels.read(command.document(), command.modelId());
    models.saveDraft(command.workspace(), command.modelId(), command.document(), clock.instant());
    return model;
  }
}
