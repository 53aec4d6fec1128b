package io.leadscore.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.InMemoryDatabase;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.port.out.ContactRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The refresh takes workspaces in turns with a bounded batch each (docs/operations.md, "How an
 * event becomes a score"): one workspace's backlog never holds another's marks back.
 */
class RefreshFairnessTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private final InMemoryDatabase db = new InMemoryDatabase();
  private final MutableClock clock = new MutableClock(T0.plusSeconds(60));
  private final Application app = Application.inMemory(db, clock);

  private void mark(String workspace, List<String> contacts, Instant at) {
    db.transactions().run(() -> db.refreshQueue().mark(workspace, contacts, at));
  }

  private static List<String> contacts(int count) {
    var ids = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      ids.add("c" + i);
    }
    return ids;
  }

  @Test
  void
      a_workspace_with_one_mark_is_refreshed_in_the_first_round_behind_another_workspace_backlog() {
    mark("a-ws", contacts(1_000), T0);
    mark("b-ws", List.of("only"), T0.plusSeconds(1));

    int refreshed = app.refresh.refresh(200);

    List<ContactRef> left = db.transactions().inTransaction(() -> db.refreshQueue().claim(2_000));
    assertThat(left).doesNotContain(new ContactRef("b-ws", "only"));
    // a's batch is bounded, so b's turn comes after at most one batch of a's
    assertThat(refreshed).isEqualTo(RefreshScoresService.PER_WORKSPACE + 1);
    assertThat(left).hasSize(1_000 - RefreshScoresService.PER_WORKSPACE);
  }

  @Test
  void workspaces_take_turns_the_longest_waiting_first() {
    mark("late-ws", List.of("x"), T0.plusSeconds(5));
    mark("early-ws", List.of("y"), T0);

    assertThat(db.refreshQueue().dueWorkspaces(10, T0.plusSeconds(10)))
        .containsExactly("early-ws", "late-ws");
    assertThat(db.refreshQueue().dueWorkspaces(10, T0.plusSeconds(1))).containsExactly("early-ws");
  }

  @Test
  void a_round_stops_at_its_limit_and_the_next_round_continues() {
    mark("a-ws", contacts(120), T0);

    assertThat(app.refresh.refresh(200)).isEqualTo(RefreshScoresService.PER_WORKSPACE);
    assertThat(app.refreshAll()).isEqualTo(120 - RefreshScoresService.PER_WORKSPACE);
  }
}
