package io.leadscore.application.service;

import io.leadscore.application.ingest.DerivedEventKeys;
import io.leadscore.application.ingest.RandomIds;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API key token format, {@code lsk_<id>_<secret>}: a 16-character public id and a 43-character
 * base64url secret (32 random bytes). Only SHA-256 of the secret is stored.
 */
final class ApiKeyTokens {
  private static final Pattern TOKEN = Pattern.compile("lsk_([a-z2-7]{16})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyTokens() {}

  /** A token split into its parts. */
  record Parts(String id, String secret) {
    String token() {
      return "lsk_" + id + "_" + secret;
    }
  }

  static Parts generate() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new Parts(
        RandomIds.next("", 16), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The parts of a well-formed token, or null. */
  static Parts parse(String token) {
    if (token == null) {
      return null;
    }
    Matcher matcher = TOKEN.matcher(token);
    return matcher.matches() ? new Parts(matcher.group(1), matcher.group(2)) : null;
  }

  /** SHA-256 of a token's secret part (the same function as derived event keys use). */
  static byte[] hash(String secret) {
    return DerivedEventKeys.sha256(secret);
  }
}
