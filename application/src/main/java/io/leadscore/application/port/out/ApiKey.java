package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: never its secret, only the SHA-256 of it (a key's secret is 32 random bytes, so
 * a fast hash is as safe as a slow one; it is compared in constant time).
 *
 * @param id the public part of the key, shown in lists and logs
 * @param secretHash SHA-256 of the secret part, 32 bytes
 * @param revokedAt null while the key is valid
 */
public record ApiKey(
    String id,
    String workspace,
    Scope scope,
    String name,
    byte[] secretHash,
    Instant createdAt,
    Instant revokedAt) {
  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    if (secretHash == null || secretHash.length != 32) {
      throw new IllegalArgumentException("secretHash: must be 32 bytes");
    }
    secretHash = secretHash.clone();
  }

  @Override
  public byte[] secretHash() {
    return secretHash.clone();
  }
}
