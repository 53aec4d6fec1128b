package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.StorageUnavailableException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which database failures mean "unavailable, retry later" (503) and which do not. */
class UnavailabilityTest {
  @Test
  void an_h2_lock_timeout_in_a_batch_statement_means_unavailable() {
    // what H2 throws when a batch insert waits too long for a table lock (found by BackpressureIT)
    var batch =
        new BatchUpdateException("Timeout trying to lock table", "HYT00", 50200, new int[0]);
    var failure = new IllegalStateException("batch failed", batch);

    assertThat(Unavailability.translate(failure)).isInstanceOf(StorageUnavailableException.class);
  }

  @Test
  void a_constraint_violation_is_not_unavailability() {
    var failure = new IllegalStateException(new SQLException("duplicate", "23505"));

    assertThat(Unavailability.translate(failure)).isSameAs(failure);
  }
}
