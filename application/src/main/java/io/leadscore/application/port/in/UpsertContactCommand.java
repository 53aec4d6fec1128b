package io.leadscore.application.port.in;

import java.util.Objects;

/**
 * A contact to create or update, as a generic tree: {@code {id?, email?, externalId?: {source, id},
 * attributes?, tags?, addTags?, removeTags?}} with at least one of id, email or externalId.
 */
public record UpsertContactCommand(String workspace, Object body) {
  public UpsertContactCommand {
    Objects.requireNonNull(workspace, "workspace");
  }
}
