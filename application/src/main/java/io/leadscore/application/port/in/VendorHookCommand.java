package io.leadscore.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inbound vendor webhook delivery ({@code GET} or {@code POST /v1/hooks/{sourceId}}), as
 * received. Its body is read only once the secret has been checked ({@link Body}), so a client
 * without the secret cannot hold the server with a slow upload.
 *
 * @param secret the hook secret from the URL ({@code ?secret=}), or null when none was sent
 * @param contentType the {@code Content-Type} header, or null
 * @param headers every header
 * @param query the query parameters, the secret left out
 * @param body reads the raw body (empty for none); called at most once, after authentication
 */
public record VendorHookCommand(
    String sourceId,
    String secret,
    String method,
    String contentType,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    Body body) {
  /**
   * The body of a delivery, read when the use case asks for it; it may throw the HTTP adapter's own
   * failures (too large, cut off), which the adapter maps.
   */
  @FunctionalInterface
  public interface Body {
    byte[] read();
  }

  public VendorHookCommand {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
  }

  /** A delivery whose body has been read already. */
  public VendorHookCommand(
      String sourceId,
      String secret,
      String method,
      String contentType,
      Map<String, List<String>> headers,
      Map<String, List<String>> query,
      byte[] body) {
    this(sourceId, secret, method, contentType, headers, query, bodyOf(body));
  }

  private static Body bodyOf(byte[] body) {
    byte[] copy = body == null ? new byte[0] : body.clone();
    return copy::clone;
  }
}
