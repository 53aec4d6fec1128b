package io.leadscore.adapter.http.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down guessing of API keys and hook secrets (docs/operations.md, "Limits and overload"):
 * each client address has a budget of failed authentications, a token bucket of {@code budget}
 * failures refilled at one a second. While an address has no failure left, a credential from it is
 * answered 429 with the wait before the next failure is allowed, without being checked, unless it
 * is a credential that authenticated recently (from any address): a client whose key works is never
 * slowed by someone guessing behind the same address, while guesses cannot tell a valid key from an
 * invalid one. An IPv6 address counts by its /64 prefix (one host holds a whole /64).
 *
 * <p>Memory is bounded: at most {@link #MAX_ADDRESSES} addresses are tracked (the least recently
 * failing ones are forgotten first) and at most {@link #MAX_REMEMBERED} credentials, kept as
 * SHA-256 digests only. Thread-safe.
 */
public final class FailedAuthentications {
  /** Addresses with failures tracked at once. */
  public static final int MAX_ADDRESSES = 10_000;

  /** Credentials remembered as recently valid. */
  public static final int MAX_REMEMBERED = 10_000;

  private static final long REFILL_NANOS = 1_000_000_000L;

  private final int budget;
  private final LongSupplier nanos;
  private final Map<String, double[]> buckets =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
          return size() > MAX_ADDRESSES;
        }
      };
  private final Map<String, Boolean> remembered = new ConcurrentHashMap<>();

  /**
   * @param budget failures an address may make in a burst (at least 1)
   * @param nanos a monotonic clock in nanoseconds ({@link System#nanoTime} in production)
   */
  public FailedAuthentications(int budget, LongSupplier nanos) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget: must be positive, was " + budget);
    }
    this.budget = budget;
    this.nanos = nanos;
  }

  /**
   * Whether {@code credential} from {@code address} may be checked now: the seconds to wait before
   * it may (at least 1), or 0 when it may.
   */
  public long waitSeconds(String address, String credential) {
    long wait;
    synchronized (this) {
      double[] bucket = buckets.get(addressKey(address));
      if (bucket == null) {
        return 0;
      }
      double tokens = refill(bucket);
      if (tokens >= 1) {
        return 0;
      }
      wait = (long) Math.ceil((1 - tokens) * REFILL_NANOS / 1e9);
    }
    return remembered.containsKey(digest(credential)) ? 0 : Math.max(1, wait);
  }

  /** Records a failed authentication from {@code address}. */
  public synchronized void failed(String address) {
    String key = addressKey(address);
    double[] bucket = buckets.get(key);
    if (bucket == null) {
      bucket = new double[] {budget, nanos.getAsLong()};
      buckets.put(key, bucket);
    }
    refill(bucket);
    bucket[0] = Math.max(0, bucket[0] - 1);
  }

  /** Records that {@code credential} authenticated. */
  public void succeeded(String credential) {
    if (remembered.size() >= MAX_REMEMBERED) {
      remembered.clear(); // only holders of valid credentials can fill it; they fill it again
    }
    remembered.put(digest(credential), Boolean.TRUE);
  }

  /** The tokens in {@code bucket} now, after refilling it for the time since its last use. */
  private double refill(double[] bucket) {
    long now = nanos.getAsLong();
    double elapsed = now - (long) bucket[1];
    bucket[0] = Math.min(budget, bucket[0] + elapsed / REFILL_NANOS);
    bucket[1] = now;
    return bucket[0];
  }

  /** The address, or for IPv6 its /64 prefix. */
  static String addressKey(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return String.valueOf(address);
    }
    try {
      // a literal: no name is looked up
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet6Address) {
        byte[] bytes = parsed.getAddress();
        return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static String digest(String credential) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(String.valueOf(credential).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
