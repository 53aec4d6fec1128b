package io.leadscore.bootstrap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port free right now, for a child server that must be told its port in advance (a child
 * on port 0 could not easily say which port it got). Another process could take it in between; the
 * tests pick one just before starting the child.
 */
public final class FreePort {
  private FreePort() {}

  /** A port no one listens on at the moment. */
  public static int pick() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
