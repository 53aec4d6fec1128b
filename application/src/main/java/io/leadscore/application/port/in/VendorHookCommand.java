package io.leadscore.application.port.in;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inbound vendor webhook delivery ({@code GET} or {@code POST /v1/hooks/{sourceId}}), as
 * received.
 *
 * @param secret the hook secret from the URL ({@code ?secret=}), or null when none was sent
 * @param contentType the {@code Content-Type} header, or null
 * @param headers every header
 * @param query the query parameters, the secret left out
 * @param body the raw body (empty for none)
 */
public record VendorHookCommand(
    String sourceId,
    String secret,
    String method,
    String contentType,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    byte[] body) {
  public VendorHookCommand {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(method, "method");
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
    body = body == null ? new byte[0] : body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
