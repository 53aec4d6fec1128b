package io.leadscore.adapter.http.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Leadscore-Signature} header of outbound webhooks (http-api.md, "Outbound webhooks"):
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed with the subscription's whole
 * secret string ({@code whsec_...}) in UTF-8. A receiver recomputes the HMAC over the raw body it
 * got, compares in constant time, and rejects a {@code t} too far from its clock (replays).
 * Stateless and thread-safe.
 */
public final class WebhookSignature {
  /** The header's name. */
  public static final String HEADER = "Leadscore-Signature";

  private static final HexFormat HEX = HexFormat.of();

  private WebhookSignature() {}

  /** The header value signing {@code body} at {@code timestamp} (unix seconds). */
  public static String sign(String secret, long timestamp, String body) {
    return "t=" + timestamp + ",v1=" + HEX.formatHex(hmac(secret, timestamp + "." + body));
  }

  /**
   * Whether {@code header} signs {@code body} with {@code secret} (any of its {@code v1} values),
   * at a time no further than {@code tolerance} from {@code now}. Malformed headers are false.
   */
  public static boolean verify(
      String secret, String header, String body, Instant now, Duration tolerance) {
    if (header == null) {
      return false;
    }
    Long timestamp = null;
    var signatures = new java.util.ArrayList<byte[]>();
    for (String part : header.split(",")) {
      int equals = part.indexOf('=');
      if (equals < 0) {
        return false;
      }
      String key = part.substring(0, equals).trim();
      String value = part.substring(equals + 1).trim();
      try {
        if (key.equals("t")) {
          timestamp = Long.parseLong(value);
        } else if (key.equals("v1")) {
          signatures.add(HEX.parseHex(value));
        }
      } catch (IllegalArgumentException malformed) {
        return false; // NumberFormatException is one too: not a signature we made
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      return false;
    }
    long skew = Math.abs(now.getEpochSecond() - timestamp);
    if (skew > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = hmac(secret, timestamp + "." + body);
    boolean matched = false;
    for (byte[] signature : signatures) {
      matched |= MessageDigest.isEqual(expected, signature);
    }
    return matched;
  }

  private static byte[] hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is in every JDK", e);
    }
  }
}
