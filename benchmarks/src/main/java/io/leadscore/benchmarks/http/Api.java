package io.leadscore.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The API as a client sees it: HTTP/1.1 over loopback with a bearer key. Spreads requests over
 * several JDK {@link HttpClient}s (each has one selector thread, which 200 busy connections would
 * otherwise share); a client opens as many connections as requests are in flight at once.
 * Thread-safe.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String authorization;
  private final HttpClient[] clients;

  Api(String base, String key, int httpClients) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authorization = "Bearer " + key;
    this.clients = new HttpClient[Math.max(1, httpClients)];
    for (int i = 0; i < clients.length; i++) {
      clients[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
    }
  }

  String base() {
    return base;
  }

  /** A request to {@code path} with the key (none for open routes such as {@code /health}). */
  HttpRequest.Builder request(String path, boolean withKey) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    return withKey ? builder.header("Authorization", authorization) : builder;
  }

  HttpResponse<byte[]> send(int client, HttpRequest request)
      throws IOException, InterruptedException {
    return clients[Math.floorMod(client, clients.length)].send(
        request, HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<byte[]> get(int client, String path) throws IOException, InterruptedException {
    return send(client, request(path, true).GET().build());
  }

  HttpResponse<byte[]> post(int client, String path, byte[] json)
      throws IOException, InterruptedException {
    return send(
        client,
        request(path, true)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json))
            .build());
  }

  /** A call that must succeed (set-up): its JSON answer, or an exception naming the failure. */
  JsonNode expect(int status, HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = send(0, request);
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + ": "
              + response.statusCode()
              + " "
              + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return response.body().length == 0 ? null : JSON.readTree(response.body());
  }
}
