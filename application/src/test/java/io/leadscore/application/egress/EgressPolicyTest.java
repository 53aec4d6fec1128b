package io.leadscore.application.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EgressPolicyTest {
  /** Names resolve only through this table; anything else does not resolve. */
  private static final HostResolver TABLE =
      host ->
          switch (host) {
            case "public.example" -> List.of(address("93.184.216.34"));
            case "localhost" -> List.of(address("127.0.0.1"), address("::1"));
            case "rebind.example" -> List.of(address("93.184.216.34"), address("10.0.0.7"));
            default -> throw new UnknownHostException(host);
          };

  private static final EgressPolicy STRICT = new EgressPolicy(List.of(), TABLE);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.255.0.9",
        "::1",
        "0.0.0.0",
        "::",
        "0.1.2.3",
        "169.254.169.254",
        "fe80::1",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "fc00::1",
        "fd12:3456::1",
        "100.64.0.1",
        "100.127.255.255",
        "224.0.0.1",
        "ff02::1",
        "255.255.255.255",
        "240.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:7f00:1",
        "::127.0.0.1",
        "64:ff9b::a00:1",
        "2002:7f00:1::",
        "fec0::1",
        "198.18.0.1"
      })
  void addresses_of_the_servers_own_networks_are_refused(String literal) {
    assertThat(STRICT.permits(address(literal))).as(literal).isFalse();
    assertThat(STRICT.refusal(address(literal)).orElseThrow()).contains("may not reach");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1",
        "100.63.255.255", "192.169.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::"
      })
  void public_addresses_are_allowed(String literal) {
    assertThat(STRICT.permits(address(literal))).as(literal).isTrue();
  }

  @Test
  void each_class_is_named_in_the_refusal() {
    assertThat(AddressClass.of(address("127.0.0.1"))).isEqualTo(AddressClass.LOOPBACK);
    assertThat(AddressClass.of(address("::1"))).isEqualTo(AddressClass.LOOPBACK);
    assertThat(AddressClass.of(address("0.0.0.0"))).isEqualTo(AddressClass.UNSPECIFIED);
    assertThat(AddressClass.of(address("169.254.169.254"))).isEqualTo(AddressClass.LINK_LOCAL);
    assertThat(AddressClass.of(address("fe80::1"))).isEqualTo(AddressClass.LINK_LOCAL);
    assertThat(AddressClass.of(address("192.168.0.1"))).isEqualTo(AddressClass.PRIVATE);
    assertThat(AddressClass.of(address("fd00::1"))).isEqualTo(AddressClass.UNIQUE_LOCAL);
    assertThat(AddressClass.of(address("100.64.0.1"))).isEqualTo(AddressClass.SHARED);
    assertThat(AddressClass.of(address("239.1.1.1"))).isEqualTo(AddressClass.MULTICAST);
    assertThat(AddressClass.of(address("255.255.255.255"))).isEqualTo(AddressClass.BROADCAST);
    assertThat(AddressClass.of(address("::ffff:10.0.0.1"))).isEqualTo(AddressClass.PRIVATE);
    assertThat(STRICT.refusal(address("127.0.0.1")).orElseThrow()).contains("loopback");
  }

  @Test
  void an_allowed_range_opens_exactly_that_range_in_both_notations() {
    var policy =
        new EgressPolicy(
            List.of(AddressRange.parse("127.0.0.0/8"), AddressRange.parse("::1/128")), TABLE);
    assertThat(policy.permits(address("127.0.0.1"))).isTrue();
    assertThat(policy.permits(address("::ffff:127.0.0.1"))).isTrue();
    assertThat(policy.permits(address("::1"))).isTrue();
    assertThat(policy.permits(address("10.0.0.1"))).isFalse();
    assertThat(policy.permits(address("169.254.169.254"))).isFalse();
    assertThat(policy.checkUrl("http://localhost:8080/hook")).isEmpty();
  }

  @Test
  void cidr_ranges_parse_and_bad_ones_say_why() {
    assertThat(AddressRange.parse("10.0.0.0/8").toString()).isEqualTo("10.0.0.0/8");
    assertThat(AddressRange.parse(" 10.1.2.3/8 ").toString()).isEqualTo("10.0.0.0/8");
    assertThat(AddressRange.parse("fc00::/7").contains(address("fdff::1"))).isTrue();
    assertThat(AddressRange.parse("fc00::/7").contains(address("fe00::1"))).isFalse();
    assertThat(AddressRange.parse("192.0.2.1").prefix()).isEqualTo(32);
    assertThat(AddressRange.parse("[::1]/128").contains(address("::1"))).isTrue();
    assertThat(AddressRange.parse("0.0.0.0/0").contains(address("8.8.8.8"))).isTrue();
    assertThat(AddressRange.parse("0.0.0.0/0").contains(address("::1"))).isFalse();
    for (String bad :
        List.of(
            "10.0.0.0/33",
            "::/129",
            "10.0.0/8",
            "localhost/32",
            "10.0.0.0/x",
            "",
            "/8",
            "2130706433/32",
            "0x7f000001",
            "10.0.0.0/-1",
            "1:2:3/200")) {
      assertThatThrownBy(() -> AddressRange.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://127.0.0.1:8080/x",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.0.10/",
        "http://[fc00::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://0/",
        "http://localhost/",
        "http://localhost:9999/hook",
        "https://rebind.example/",
        "ftp://public.example/",
        "file:///etc/passwd",
        "gopher://public.example/",
        "http://user:pw@public.example/",
        "/relative",
        "http:///nohost"
      })
  void forbidden_urls_are_refused_with_a_reason(String url) {
    assertThat(STRICT.checkUrl(url)).as(url).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://public.example/hooks",
        "http://public.example:8080/x?y=1",
        "https://93.184.216.34/",
        "https://[2606:4700::1111]/",
        "https://not-yet.example/"
      })
  void public_urls_pass(String url) {
    assertThat(STRICT.checkUrl(url)).as(url).isEmpty();
  }

  @Test
  void a_refusal_names_the_kind_of_address_not_what_a_name_resolved_to() {
    assertThat(STRICT.checkUrl("https://rebind.example/").orElseThrow())
        .contains("private")
        .doesNotContain("10.0.0.7");
  }

  private static InetAddress address(String literal) {
    return AddressRange.literal(literal);
  }
}
