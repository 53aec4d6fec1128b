package io.leadscore.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A tenant: every contact, event, model, score, key and job belongs to exactly one workspace, and
 * nothing is ever read across workspaces.
 *
 * @param id 1 to 64 characters of {@code [A-Za-z0-9._-]}
 */
public record Workspace(String id, String name, Instant createdAt) {
  public Workspace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
