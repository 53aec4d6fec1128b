package io.leadscore.application.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the product may send requests (docs/operations.md, "Egress"): http and https URLs whose
 * addresses are public, or lie in a range the operator allowed ({@code egress.allow}). Every
 * outbound call goes through one instance: {@link #checkUrl} when a URL is configured (a webhook
 * created, a vendor base URL set), and {@link #refusal(InetAddress)} for each address at connect
 * time, on the address actually connected to, because a name can resolve differently later (DNS
 * rebinding). Error texts name the kind of address, never the address a name resolved to, so they
 * do not map the server's network. Immutable and thread-safe.
 *
 * @param allowed ranges reachable although not public (empty by default)
 * @param resolver resolves names when a URL is checked
 */
public record EgressPolicy(List<AddressRange> allowed, HostResolver resolver) {
  public EgressPolicy {
    allowed = List.copyOf(allowed);
    Objects.requireNonNull(resolver, "resolver");
  }

  /** Public addresses only, names resolved by the system. */
  public static EgressPolicy publicOnly() {
    return new EgressPolicy(List.of(), HostResolver.SYSTEM);
  }

  /** Public addresses and {@code allowed}, names resolved by the system. */
  public static EgressPolicy allowing(List<AddressRange> allowed) {
    return new EgressPolicy(allowed, HostResolver.SYSTEM);
  }

  /** Why a connection to {@code address} is refused, or empty when it is allowed. */
  public Optional<String> refusal(InetAddress address) {
    if (allowed.stream().anyMatch(range -> range.contains(address))) {
      return Optional.empty();
    }
    AddressClass kind = AddressClass.of(address);
    return kind == AddressClass.PUBLIC
        ? Optional.empty()
        : Optional.of("is " + kind.description() + ", which outbound calls may not reach");
  }

  /**
   * The addresses {@code host} stands for now: a literal address (a dotted quad, an IPv6 address
   * with or without brackets) itself, a name through the resolver. For connecting: filter them with
   * {@link #permits}.
   *
   * @throws UnknownHostException when a name does not resolve
   */
  public List<InetAddress> addresses(String host) throws UnknownHostException {
    if (Hosts.isDottedQuad(host) || host.contains(":")) {
      try {
        return List.of(AddressRange.literal(host));
      } catch (IllegalArgumentException e) {
        throw new UnknownHostException("not an IP address");
      }
    }
    return resolver.resolve(host);
  }

  /** Whether a connection to {@code address} is allowed. */
  public boolean permits(InetAddress address) {
    return refusal(address).isEmpty();
  }

  /**
   * Why {@code url} may not be called, or empty when it may: it must be an absolute http or https
   * URL naming a host, without credentials or fragment; a host written as a number must be a plain
   * dotted quad or a bracketed IPv6 address; and the host, or every address its name resolves to
   * now, must be allowed. A name that does not resolve now passes (it is checked again at connect
   * time).
   */
  public Optional<String> checkUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of("must be an absolute http or https URL");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry user credentials");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not have a fragment");
    }
    return checkHost(host);
  }

  /** Why {@code host} (a name, a dotted quad, or a bracketed IPv6 address) may not be called. */
  public Optional<String> checkHost(String host) {
    if (Hosts.isAmbiguousNumber(host)) {
      return Optional.of(
          "host must be a name, a dotted IPv4 address or a bracketed IPv6 address"
              + " (no decimal, octal, hex or shortened IPv4 forms)");
    }
    if (host.startsWith("[") || Hosts.isDottedQuad(host)) {
      InetAddress address;
      try {
        address = AddressRange.literal(host);
      } catch (IllegalArgumentException e) {
        return Optional.of("host is not a valid IP address");
      }
      return refusal(address).map(reason -> "host " + reason);
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.empty(); // checked again, on the address, when connecting
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(address);
      if (refusal.isPresent()) {
        return Optional.of("host resolves to an address that " + refusal.get());
      }
    }
    return Optional.empty();
  }
}
