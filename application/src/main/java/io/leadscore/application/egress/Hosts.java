package io.leadscore.application.egress;

import java.util.regex.Pattern;

/** How a URL's host is written: checks that need no DNS. Stateless. */
final class Hosts {
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
              + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

  /**
   * Labels made of digits or {@code 0x} hex only: resolvers read such hosts as IPv4 addresses in
   * decimal ({@code 2130706433}), octal ({@code 0177.0.0.1}), hex ({@code 0x7f000001}) or short
   * ({@code 127.1}) forms, and they disagree on how.
   */
  private static final Pattern NUMERIC =
      Pattern.compile("(?i)(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]+))*\\.?");

  private Hosts() {}

  /** {@code a.b.c.d} with each part 0 to 255 and no leading zeros. */
  static boolean isDottedQuad(String host) {
    return DOTTED_QUAD.matcher(host).matches();
  }

  /** A host that some resolver would read as a number, but not as a plain dotted quad. */
  static boolean isAmbiguousNumber(String host) {
    return NUMERIC.matcher(host).matches() && !isDottedQuad(host);
  }
}
