package io.leadscore.application.port.in;

import io.leadscore.application.port.out.StoredModel;
import java.util.List;

/**
 * The models of a workspace: one with its draft, versions and live version, or all of them.
 *
 * @throws NotFoundException from {@link #get} when the workspace has no such model
 */
public interface GetModelUseCase {
  StoredModel get(String workspace, String modelId);

  List<StoredModel> list(String workspace);
}
