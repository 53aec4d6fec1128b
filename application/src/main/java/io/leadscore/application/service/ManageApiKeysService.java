package io.leadscore.application.service;

import io.leadscore.application.port.in.CreatedApiKey;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ApiKey;
import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.Scope;
import io.leadscore.application.port.out.WorkspaceRepository;
import java.time.Clock;
import java.util.List;

/** Creates keys (the secret returned once, its hash stored), lists and revokes them. */
public final class ManageApiKeysService implements ManageApiKeysUseCase {
  private final WorkspaceRepository workspaces;
  private final ApiKeyRepository keys;
  private final Clock clock;

  public ManageApiKeysService(WorkspaceRepository workspaces, ApiKeyRepository keys, Clock clock) {
    this.workspaces = workspaces;
    this.keys = keys;
    this.clock = clock;
  }

  @Override
  public CreatedApiKey create(String workspace, Scope scope, String name) {
    if (workspaces.find(workspace).isEmpty()) {
      throw new NotFoundException("workspace", workspace);
    }
    ApiKeyTokens.Parts parts = ApiKeyTokens.generate();
    var key =
        new ApiKey(
            parts.id(),
            workspace,
            scope,
            name == null || name.isBlank() ? scope.wireName() + " key" : name,
            ApiKeyTokens.hash(parts.secret()),
            clock.instant(),
            null);
    keys.save(key);
    return new CreatedApiKey(key, parts.token());
  }

  @Override
  public List<ApiKey> list(String workspace) {
    return keys.list(workspace);
  }

  @Override
  public void revoke(String workspace, String keyId) {
    if (!keys.revoke(workspace, keyId, clock.instant())) {
      throw new NotFoundException("API key", keyId);
    }
  }
}
