package io.leadscore.application.port.out;

import java.util.Objects;

/** A contact named across workspaces: for work queues that serve every workspace. */
public record ContactRef(String workspace, String contactId) {
  public ContactRef {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(contactId, "contactId");
  }
}
