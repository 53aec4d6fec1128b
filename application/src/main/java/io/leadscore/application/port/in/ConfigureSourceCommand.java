package io.leadscore.application.port.in;

import java.util.Objects;

/**
 * A vendor source to configure, as a generic tree (http-api.md, "Sources"): {@code {kind, name?,
 * settings, schedule?, writeBack?}}, {@code settings} being the vendor's own (vendors.md, C0.12),
 * {@code schedule} an ISO-8601 duration or a 5-field cron expression (UTC), {@code writeBack}
 * {@code {tierTag?, scoreField?}}.
 */
public record ConfigureSourceCommand(String workspace, Object body) {
  public ConfigureSourceCommand {
    Objects.requireNonNull(workspace, "workspace");
  }
}
