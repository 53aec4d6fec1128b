package io.leadscore.application.port.in;

/**
 * Turns an API key token into the caller it stands for, comparing secrets in constant time.
 *
 * @throws UnauthenticatedException for a missing, malformed, unknown, wrong or revoked key
 */
public interface AuthenticateUseCase {
  Caller authenticate(String token);
}
