package io.leadscore.application.port.out.vendor;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One inbound webhook delivery as received ({@code /v1/hooks/{sourceId}}), after the application
 * checked the source's secret. The secret itself is not included.
 *
 * @param method {@code GET} (a validation ping) or {@code POST}
 * @param contentType the {@code Content-Type} header, or null
 * @param headers every header, names lower-case
 * @param query the query parameters, the secret left out
 * @param body the raw body, empty for none (a signature is computed over these bytes)
 */
public record HookRequest(
    String method,
    String contentType,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    byte[] body) {
  public HookRequest {
    Objects.requireNonNull(method, "method");
    var lowerCase = new TreeMap<String, List<String>>();
    headers.forEach(
        (name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    headers = Collections.unmodifiableMap(lowerCase);
    var params = new TreeMap<String, List<String>>();
    query.forEach((name, values) -> params.put(name, List.copyOf(values)));
    query = Collections.unmodifiableMap(params);
    body = body == null ? new byte[0] : body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header, by name in any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
