package io.leadscore.application.service;

import io.leadscore.application.port.in.AuthenticateUseCase;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.out.ApiKey;
import io.leadscore.application.port.out.ApiKeyRepository;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Authenticates tokens: finds the key by its public id, then compares the secret's hash in constant
 * time ({@link MessageDigest#isEqual}); an unknown id costs the same hash and comparison, so timing
 * tells nothing. Revoked keys fail at once (no cache).
 */
public final class AuthenticateService implements AuthenticateUseCase {
  private static final byte[] NO_KEY = new byte[32];

  private final ApiKeyRepository keys;

  public AuthenticateService(ApiKeyRepository keys) {
    this.keys = keys;
  }

  @Override
  public Caller authenticate(String token) {
    ApiKeyTokens.Parts parts = ApiKeyTokens.parse(token);
    if (parts == null) {
      throw new UnauthenticatedException();
    }
    Optional<ApiKey> key = keys.findById(parts.id());
    byte[] expected = key.map(ApiKey::secretHash).orElse(NO_KEY);
    boolean matches = MessageDigest.isEqual(expected, ApiKeyTokens.hash(parts.secret()));
    if (key.isEmpty() || !matches || key.get().revokedAt() != null) {
      throw new UnauthenticatedException();
    }
    return new Caller(key.get().workspace(), key.get().scope(), key.get().id());
  }
}
