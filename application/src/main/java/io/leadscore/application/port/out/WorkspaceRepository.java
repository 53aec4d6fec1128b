package io.leadscore.application.port.out;

import java.util.Optional;

/** Workspaces by id. */
public interface WorkspaceRepository {
  /** Stores a new workspace; returns false (and changes nothing) when the id is taken. */
  boolean create(Workspace workspace);

  Optional<Workspace> find(String id);
}
