package io.leadscore.application.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to its addresses (a literal address to itself). {@link #SYSTEM} asks the
 * JDK's resolver; tests pass their own. Thread-safe.
 */
@FunctionalInterface
public interface HostResolver {
  /** The JDK's resolver ({@link InetAddress#getAllByName}). */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /**
   * @throws UnknownHostException when the name does not resolve (now)
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
