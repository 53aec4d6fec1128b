package io.leadscore.adapter.http.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  static final String SECRET = "whsec_test";
  static final String BODY = "{\"id\":\"n1\"}";
  static final Instant AT = Instant.ofEpochSecond(1_795_000_000L);
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  @Test
  void a_signature_is_t_and_the_hex_hmac_of_t_dot_body() {
    // HMAC-SHA256("whsec_test", "1795000000.{\"id\":\"n1\"}"), computed independently with openssl
    assertThat(WebhookSignature.sign(SECRET, AT.getEpochSecond(), BODY))
        .isEqualTo("t=1795000000,v1=" + OpensslReference.HEX);
  }

  @Test
  void verify_accepts_its_own_signature_within_the_tolerance_only() {
    String header = WebhookSignature.sign(SECRET, AT.getEpochSecond(), BODY);

    assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(300), TOLERANCE))
        .isTrue();
    assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(301), TOLERANCE))
        .isFalse();
    assertThat(WebhookSignature.verify("whsec_other", header, BODY, AT, TOLERANCE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", AT, TOLERANCE)).isFalse();
  }

  @Test
  void malformed_headers_do_not_verify() {
    for (String header :
        new String[] {null, "", "t=1", "v1=00", "t=x,v1=00", "t=1795000000,v1=zz", "garbage"}) {
      assertThat(WebhookSignature.verify(SECRET, header, BODY, AT, TOLERANCE)).as(header).isFalse();
    }
  }

  /** The expected HMAC, from {@code openssl dgst -sha256 -hmac}. */
  static final class OpensslReference {
    static final String HEX = "4a4afed5dfcf824ead78f639981424797b0a4b8824f5442e8d7da0819adc33b8";
  }
}
