package io.leadscore.application.port.in;

import io.leadscore.application.port.out.ApiKey;
import io.leadscore.application.port.out.Scope;
import java.util.List;

/**
 * Creates, lists and revokes a workspace's API keys. A token reads {@code lsk_<id>_<secret>}.
 *
 * @throws NotFoundException for an unknown workspace, or a key it does not have
 * @throws InvalidInputException for a key name over 100 characters or with control characters
 */
public interface ManageApiKeysUseCase {
  CreatedApiKey create(String workspace, Scope scope, String name);

  List<ApiKey> list(String workspace);

  void revoke(String workspace, String keyId);
}
