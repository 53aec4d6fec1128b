package io.leadscore.application.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * What kind of network an address belongs to, for the egress policy. Only {@link #PUBLIC} addresses
 * are reachable unless the operator allows a range. IPv6 addresses that embed an IPv4 address
 * (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}) are classed by the IPv4 address inside.
 */
public enum AddressClass {
  PUBLIC("a public address"),
  UNSPECIFIED("an unspecified address (0.0.0.0, ::)"),
  LOOPBACK("a loopback address"),
  LINK_LOCAL("a link-local address (169.254.0.0/16, fe80::/10, cloud metadata)"),
  PRIVATE("a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)"),
  UNIQUE_LOCAL("a unique-local IPv6 address (fc00::/7)"),
  SHARED("a carrier-grade NAT address (100.64.0.0/10)"),
  MULTICAST("a multicast address"),
  BROADCAST("the broadcast address"),
  RESERVED("a reserved address");

  private final String description;

  AddressClass(String description) {
    this.description = description;
  }

  /** In words, for error texts: "a loopback address". */
  public String description() {
    return description;
  }

  private static final List<AddressRange> V4_THIS_NETWORK = ranges("0.0.0.0/8");
  private static final List<AddressRange> V4_PRIVATE =
      ranges("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
  private static final List<AddressRange> V4_SHARED = ranges("100.64.0.0/10");
  private static final List<AddressRange> V4_RESERVED =
      ranges("192.0.0.0/24", "198.18.0.0/15", "240.0.0.0/4");
  private static final AddressRange V6_UNIQUE_LOCAL = AddressRange.parse("fc00::/7");
  private static final AddressRange V6_SITE_LOCAL = AddressRange.parse("fec0::/10");
  private static final AddressRange V6_COMPATIBLE = AddressRange.parse("::/96");
  private static final AddressRange V6_NAT64 = AddressRange.parse("64:ff9b::/96");
  private static final AddressRange V6_6TO4 = AddressRange.parse("2002::/16");

  /** The class of {@code address}. */
  public static AddressClass of(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      InetAddress embedded = embeddedIpv4(v6);
      if (embedded != null) {
        return of(embedded);
      }
    }
    if (address.isAnyLocalAddress()) {
      return UNSPECIFIED;
    }
    if (address.isLoopbackAddress()) {
      return LOOPBACK;
    }
    if (address.isLinkLocalAddress()) {
      return LINK_LOCAL;
    }
    if (address.isMulticastAddress()) {
      return MULTICAST;
    }
    return switch (address) {
      case Inet4Address v4 -> ofIpv4(v4);
      case Inet6Address v6 -> ofIpv6(v6);
      default -> RESERVED; // no other kind of InetAddress exists
    };
  }

  private static AddressClass ofIpv4(Inet4Address address) {
    if (V4_THIS_NETWORK.stream().anyMatch(range -> range.contains(address))) {
      return UNSPECIFIED;
    }
    if (V4_PRIVATE.stream().anyMatch(range -> range.contains(address))) {
      return PRIVATE;
    }
    if (V4_SHARED.stream().anyMatch(range -> range.contains(address))) {
      return SHARED;
    }
    byte[] bytes = address.getAddress();
    if ((bytes[0] & bytes[1] & bytes[2] & bytes[3]) == (byte) 0xff) {
      return BROADCAST;
    }
    if (V4_RESERVED.stream().anyMatch(range -> range.contains(address))) {
      return RESERVED;
    }
    return PUBLIC;
  }

  private static AddressClass ofIpv6(Inet6Address address) {
    if (V6_UNIQUE_LOCAL.contains(address)) {
      return UNIQUE_LOCAL;
    }
    if (V6_SITE_LOCAL.contains(address)) {
      return PRIVATE;
    }
    return PUBLIC;
  }

  /** The IPv4 address inside an IPv6 address that carries one, else null. */
  private static InetAddress embeddedIpv4(Inet6Address address) {
    byte[] bytes = address.getAddress();
    byte[] v4;
    if (V6_COMPATIBLE.contains(address) || V6_NAT64.contains(address)) {
      if (V6_COMPATIBLE.contains(address) && (bytes[12] | bytes[13] | bytes[14]) == 0) {
        return null; // :: and ::1 are IPv6's own unspecified and loopback addresses
      }
      v4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    } else if (isMapped(bytes)) {
      v4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    } else if (V6_6TO4.contains(address)) {
      v4 = new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]};
    } else {
      return null;
    }
    try {
      return InetAddress.getByAddress(v4);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an address", e);
    }
  }

  /** {@code ::ffff:a.b.c.d} (the JDK usually hands these over as IPv4 already). */
  private static boolean isMapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static List<AddressRange> ranges(String... cidrs) {
    return java.util.Arrays.stream(cidrs).map(AddressRange::parse).toList();
  }
}
