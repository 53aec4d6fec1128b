package io.leadscore.application.port.in;

import io.leadscore.application.port.out.Workspace;

/**
 * Creates a workspace.
 *
 * @throws InvalidInputException for an id outside 1 to 64 characters of {@code [A-Za-z0-9._-]}
 * @throws ConflictException when the id is taken
 */
public interface CreateWorkspaceUseCase {
  Workspace create(String id, String name);
}
