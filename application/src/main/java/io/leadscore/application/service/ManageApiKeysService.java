package io.leadscore.application.service;

import io.leadscore.application.port.in.CreatedApiKey;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.ManageApiKeysUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ApiKey;
import io.leadscore.application.port.out.ApiKeyRepository;
import io.leadscore.application.port.out.Scope;
import io.leadscore.application.port.out.WorkspaceRepository;
import io.leadscore.domain.reading.StoredText;
import java.time.Clock;
import java.util.List;

/**
 * Creates keys (the secret returned once, its hash stored), lists and revokes them. A key's name is
 * at most {@link #MAX_NAME_LENGTH} characters without control characters; none (null or blank)
 * gives the default {@code "<scope> key"}.
 */
public final class ManageApiKeysService implements ManageApiKeysUseCase {
  /** The longest name a key may have, in characters. */
  public static final int MAX_NAME_LENGTH = 100;

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
    if (name != null && name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
      throw InvalidInputException.at(
          "name", "must be at most " + MAX_NAME_LENGTH + " characters, was " + name.length());
    }
    if (name != null && name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw InvalidInputException.at("name", "must not contain control characters");
    }
    if (name != null) {
      // an unpaired surrogate would be stored altered by PostgreSQL; an invisible or
      // bidirectional-control character makes a name that reads as another, or as nothing
      StoredText.problem(name)
          .ifPresent(
              problem -> {
                throw InvalidInputException.at("name", problem);
              });
      if (StoredText.hasInvisible(name, false)) {
        throw InvalidInputException.at(
            "name", "must not contain invisible or bidirectional-control characters (like U+200B)");
      }
    }
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
