package io.leadscore.application.service;

import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.CreateWorkspaceUseCase;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.out.Workspace;
import io.leadscore.application.port.out.WorkspaceRepository;
import java.time.Clock;
import java.util.regex.Pattern;

/** Creates workspaces with ids that are safe in URLs, logs and file names. */
public final class CreateWorkspaceService implements CreateWorkspaceUseCase {
  static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final WorkspaceRepository workspaces;
  private final Clock clock;

  public CreateWorkspaceService(WorkspaceRepository workspaces, Clock clock) {
    this.workspaces = workspaces;
    this.clock = clock;
  }

  @Override
  public Workspace create(String id, String name) {
    if (id == null || !WORKSPACE_ID.matcher(id).matches()) {
      throw InvalidInputException.at(
          "workspace", "must be 1 to 64 characters of A-Z a-z 0-9 . _ -");
    }
    var workspace = new Workspace(id, name == null || name.isBlank() ? id : name, clock.instant());
    if (!workspaces.create(workspace)) {
      throw new ConflictException("workspace " + id + " exists");
    }
    return workspace;
  }
}
