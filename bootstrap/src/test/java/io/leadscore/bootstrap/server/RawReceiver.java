package io.leadscore.bootstrap.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a raw socket, for behaviours WireMock cannot show: one that answers in
 * HTTP/1.0 and closes every connection, or one that sends its headers and then stalls its body for
 * as long as the test runs. Counts requests; closes every socket on {@link #close()}.
 */
final class RawReceiver implements AutoCloseable {
  /** How the receiver answers each request. */
  enum Behaviour {
    /** {@code HTTP/1.0 200}, {@code Connection: close}, then the socket closes. */
    CLOSE_EACH,
    /** Headers promising 100 bytes of body, then nothing until the test ends. */
    STALL_BODY
  }

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger closedByClient = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  RawReceiver(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Requests whose headers and body arrived. */
  int requests() {
    return requests.get();
  }

  /** Stalled connections the client gave up on (closed) so far. */
  int abandoned() {
    return closedByClient.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (readRequest(in)) {
        requests.incrementAndGet();
        switch (behaviour) {
          case CLOSE_EACH -> {
            out.write(
                "HTTP/1.0 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
          }
          case STALL_BODY -> {
            out.write(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nst"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (in.read() < 0) { // blocks until the client gives up and closes
              closedByClient.incrementAndGet();
            }
            return;
          }
        }
      }
    } catch (IOException e) {
      if (behaviour == Behaviour.STALL_BODY) {
        closedByClient.incrementAndGet();
      }
    }
  }

  /** Reads one request's headers and body; false at the end of the stream. */
  private static boolean readRequest(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    int length = 0;
    for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).strip());
      }
    }
    return in.readNBytes(length).length == length;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
