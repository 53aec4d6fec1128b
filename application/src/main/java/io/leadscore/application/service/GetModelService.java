package io.leadscore.application.service;

import io.leadscore.application.port.in.GetModelUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ModelRepository;
import io.leadscore.application.port.out.StoredModel;
import java.util.List;

/** Reads models as stored. */
public final class GetModelService implements GetModelUseCase {
  private final ModelRepository models;

  public GetModelService(ModelRepository models) {
    this.models = models;
  }

  @Override
  public StoredModel get(String workspace, String modelId) {
    return models
        .find(workspace, modelId)
        .orElseThrow(() -> new NotFoundException("model", modelId));
  }

  @Override
  public List<StoredModel> list(String workspace) {
    return models.list(workspace);
  }
}
