package io.leadscore.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link WorkspaceRepository} must do. Implementations give empty storage per test. */
public interface WorkspaceRepositoryContract {
  WorkspaceRepository workspaces();

  Instant T0 = Instant.parse("2026-11-22T10:00:00.123Z");

  @Test
  default void a_created_workspace_is_found_with_its_fields() {
    var workspaces = workspaces();
    var acme = new Workspace("acme", "Acme Inc.", T0);

    assertThat(workspaces.create(acme)).isTrue();

    assertThat(workspaces.find("acme")).contains(acme);
  }

  @Test
  default void creating_a_taken_id_returns_false_and_changes_nothing() {
    var workspaces = workspaces();
    workspaces.create(new Workspace("acme", "Acme Inc.", T0));

    assertThat(workspaces.create(new Workspace("acme", "Impostor", T0.plusSeconds(1)))).isFalse();

    assertThat(workspaces.find("acme")).contains(new Workspace("acme", "Acme Inc.", T0));
  }

  @Test
  default void an_unknown_workspace_is_not_found() {
    var workspaces = workspaces();
    workspaces.create(new Workspace("acme", "Acme Inc.", T0));

    assertThat(workspaces.find("other")).isEmpty();
    assertThat(workspaces.find("ACME")).isEmpty();
  }
}
