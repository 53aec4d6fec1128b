package io.leadscore.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final FailedAuthentications failures = new FailedAuthentications(3, nanos::get);

  @Test
  void an_address_within_its_budget_is_checked() {
    failures.failed("10.0.0.1");
    failures.failed("10.0.0.1");
    assertThat(failures.waitSeconds("10.0.0.1", "guess")).isZero();
  }

  @Test
  void an_address_over_its_budget_waits_until_a_failure_is_refilled() {
    for (int i = 0; i < 3; i++) {
      failures.failed("10.0.0.1");
    }
    assertThat(failures.waitSeconds("10.0.0.1", "guess")).isEqualTo(1);
    assertThat(failures.waitSeconds("10.0.0.2", "guess")).as("another address").isZero();
    nanos.addAndGet(1_000_000_000L);
    assertThat(failures.waitSeconds("10.0.0.1", "guess")).isZero();
  }

  @Test
  void a_credential_that_authenticated_is_checked_even_from_an_address_over_budget() {
    failures.succeeded("Bearer good");
    for (int i = 0; i < 10; i++) {
      failures.failed("10.0.0.1");
    }
    assertThat(failures.waitSeconds("10.0.0.1", "Bearer good")).isZero();
    assertThat(failures.waitSeconds("10.0.0.1", "Bearer never-seen")).isPositive();
  }

  @Test
  void ipv6_addresses_of_one_64_prefix_share_a_budget() {
    for (int i = 0; i < 3; i++) {
      failures.failed("2001:db8:1:2::" + (i + 1));
    }
    assertThat(failures.waitSeconds("2001:db8:1:2:ffff::9", "guess")).isPositive();
    assertThat(failures.waitSeconds("2001:db8:1:3::1", "guess")).isZero();
  }

  @Test
  void the_table_of_addresses_is_bounded() {
    for (int i = 0; i <= FailedAuthentications.MAX_ADDRESSES; i++) {
      for (int j = 0; j < 3; j++) {
        failures.failed("addr-" + i);
      }
    }
    assertThat(failures.waitSeconds("addr-0", "guess")).as("the eldest was forgotten").isZero();
    assertThat(failures.waitSeconds("addr-" + FailedAuthentications.MAX_ADDRESSES, "guess"))
        .isPositive();
  }

  @Test
  void a_budget_below_one_is_refused() {
    assertThatThrownBy(() -> new FailedAuthentications(0, System::nanoTime))
        .hasMessageContaining("budget");
  }
}
