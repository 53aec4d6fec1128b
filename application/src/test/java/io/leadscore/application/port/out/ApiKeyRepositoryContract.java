package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyRepository} must do. Implementations give empty storage per test. */
public interface ApiKeyRepositoryContract {
  ApiKeyRepository apiKeys();

  Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiKey key(String id, String workspace, Instant createdAt) {
    return new ApiKey(id, workspace, Scope.WRITE, "key " + id, sha256(id), createdAt, null);
  }

  @Test
  default void a_saved_key_is_found_by_its_id_alone_with_every_field() {
    var keys = apiKeys();
    var key = new ApiKey("k1", "a", Scope.ADMIN, "deploy", sha256("secret"), T0, null);

    keys.save(key);

    assertThat(keys.findById("k1")).get().usingRecursiveComparison().isEqualTo(key);
  }

  @Test
  default void an_unknown_key_is_not_found() {
    apiKeys().save(key("k1", "a", T0));

    assertThat(apiKeys().findById("k2")).isEmpty();
  }

  @Test
  default void a_workspace_lists_only_its_own_keys_oldest_first() {
    var keys = apiKeys();
    keys.save(key("k2", "a", T0.plusSeconds(1)));
    keys.save(key("k1", "a", T0));
    keys.save(key("k3", "b", T0));

    assertThat(keys.list("a")).extracting(ApiKey::id).containsExactly("k1", "k2");
    assertThat(keys.list("b")).extracting(ApiKey::id).containsExactly("k3");
    assertThat(keys.list("c")).isEmpty();
  }

  @Test
  default void revoking_a_key_marks_it_revoked_at_that_time() {
    var keys = apiKeys();
    keys.save(key("k1", "a", T0));

    assertThat(keys.revoke("a", "k1", T0.plusSeconds(60))).isTrue();

    assertThat(keys.findById("k1"))
        .get()
        .extracting(ApiKey::revokedAt)
        .isEqualTo(T0.plusSeconds(60));
  }

  @Test
  default void revoking_a_key_of_another_workspace_returns_false_and_changes_nothing() {
    var keys = apiKeys();
    keys.save(key("k1", "b", T0));

    assertThat(keys.revoke("a", "k1", T0.plusSeconds(60))).isFalse();
    assertThat(keys.revoke("a", "missing", T0.plusSeconds(60))).isFalse();

    assertThat(keys.findById("k1")).get().extracting(ApiKey::revokedAt).isNull();
  }
}
