package io.leadscore.application.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A CIDR range such as {@code 10.0.0.0/8} or {@code fc00::/7}: an IPv4 or IPv6 network address and
 * a prefix length. IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) are IPv4 addresses here, as
 * the JDK treats them. Immutable.
 *
 * @param network the range's first address (host bits zero)
 * @param prefix how many leading bits are fixed: 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record AddressRange(InetAddress network, int prefix) {
  public AddressRange {
    Objects.requireNonNull(network, "network");
    int bits = network.getAddress().length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix: must be from 0 to " + bits + ", was " + prefix);
    }
    if (!Arrays.equals(masked(network.getAddress(), prefix), network.getAddress())) {
      throw new IllegalArgumentException(
          "network: has bits set after the prefix /" + prefix + ": " + network.getHostAddress());
    }
  }

  /**
   * Reads {@code 127.0.0.0/8}, {@code ::1/128}, or a lone address (a range of one). Never consults
   * DNS: only literal addresses are accepted.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static AddressRange parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    InetAddress network = literal(address);
    int bits = network.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = trimmed.substring(slash + 1);
      if (!length.matches("[0-9]{1,3}")) {
        throw new IllegalArgumentException("not a CIDR range: the prefix length must be a number");
      }
      prefix = Integer.parseInt(length);
      if (prefix > bits) {
        throw new IllegalArgumentException("not a CIDR range: the prefix length is above " + bits);
      }
    }
    try {
      return new AddressRange(
          InetAddress.getByAddress(masked(network.getAddress(), prefix)), prefix);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4 or 16 byte address is always valid", e);
    }
  }

  /** Whether {@code address} lies in this range (an IPv4 address never lies in an IPv6 range). */
  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.getAddress().length
        && Arrays.equals(masked(bytes, prefix), network.getAddress());
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }

  /**
   * A literal IPv4 (strict dotted quad) or IPv6 address, without DNS.
   *
   * @throws IllegalArgumentException when {@code text} is not one
   */
  static InetAddress literal(String text) {
    String address = text;
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    if (!Hosts.isDottedQuad(address)
        && !(address.contains(":") && address.matches("[0-9A-Fa-f:.]+"))) {
      throw new IllegalArgumentException("not an IP address");
    }
    try {
      // a dotted quad or an IPv6 literal: the JDK parses these without a lookup
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address");
    }
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }
}
