package io.leadscore.application.ingest;

import java.security.SecureRandom;

/**
 * Random identifiers: a prefix and lower-case base-32 characters from a {@link SecureRandom} (20
 * characters carry 100 bits, so ids never collide in practice and cannot be guessed). Thread-safe.
 */
public final class RandomIds {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomIds() {}

  /** {@code prefix} followed by {@code length} random characters. */
  public static String next(String prefix, int length) {
    var id = new StringBuilder(prefix.length() + length).append(prefix);
    for (int i = 0; i < length; i++) {
      id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }

  public static String contactId() {
    return next("c_", 20);
  }

  public static String jobId() {
    return next("job_", 20);
  }
}
