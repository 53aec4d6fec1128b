package io.leadscore.bootstrap.server;

import io.leadscore.bootstrap.server.TestServer.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A client of a Leadscore server that may be down, restarting or refusing: {@link #trySend} gives
 * the answer, or null when there was none (connection refused or reset, timed out), which is what a
 * retrying client must tell apart. The base address is read per request, so the client follows a
 * restarted server. Thread-safe.
 */
public final class ApiClient {
  private final Supplier<String> base;
  private final String key;
  private final HttpClient client;
  private final java.util.Queue<String> failures =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * @param base {@code http://127.0.0.1:<port>}, read on every request
   * @param key the bearer key sent with every request (none when null)
   */
  public ApiClient(Supplier<String> base, String key) {
    this.base = base;
    this.key = key;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** {@code POST path} with a JSON body; null when no answer came. */
  public Answer tryPost(String path, String json) {
    return trySend(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** {@code GET path}; null when no answer came. */
  public Answer tryGet(String path) {
    return trySend(request(path).GET());
  }

  /** {@code GET path}, failing when no answer came. */
  public Answer get(String path) {
    return required(tryGet(path), "GET " + path);
  }

  /** {@code POST path}, failing when no answer came. */
  public Answer post(String path, String json) {
    return required(tryPost(path, json), "POST " + path);
  }

  /** {@code PUT path} with a body of {@code contentType}, failing when no answer came. */
  public Answer put(String path, String contentType, String body) {
    return required(
        trySend(
            request(path)
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body))),
        "PUT " + path);
  }

  /** A request to {@code path} on the current base, with the key and a 60 s answer timeout. */
  public HttpRequest.Builder request(String path) {
    var builder =
        HttpRequest.newBuilder(URI.create(base.get() + path)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  /** Sends; null when the connection failed or no answer came in time. */
  public Answer trySend(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response);
    } catch (IOException e) {
      failures.add(e.toString());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Why requests got no answer, oldest first. */
  public java.util.List<String> failures() {
    return java.util.List.copyOf(failures);
  }

  private static Answer required(Answer answer, String what) {
    if (answer == null) {
      throw new UncheckedIOException(new IOException("no answer to " + what));
    }
    return answer;
  }
}
