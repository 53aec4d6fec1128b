package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys. Only hashes are stored. */
public interface ApiKeyRepository {
  void save(ApiKey key);

  /** A key by its public id, in any workspace: authentication starts from the key alone. */
  Optional<ApiKey> findById(String keyId);

  List<ApiKey> list(String workspace);

  /** Marks a key revoked; false when the workspace has no such key. */
  boolean revoke(String workspace, String keyId, Instant at);
}
