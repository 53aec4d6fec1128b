package io.leadscore.application.port.in;

import java.util.Objects;

/**
 * A source just configured, and the secret that authenticates its inbound hooks ({@code POST
 * /v1/hooks/{id}?secret=...}): shown this once, only its hash is kept.
 */
public record ConfiguredSource(SourceView source, String hookSecret) {
  public ConfiguredSource {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(hookSecret, "hookSecret");
  }
}
