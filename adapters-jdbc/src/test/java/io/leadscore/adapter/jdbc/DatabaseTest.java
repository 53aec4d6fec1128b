package io.leadscore.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void an_h2_url_gets_commits_written_before_they_return_unless_it_says_otherwise() {
    assertThat(Database.durableH2("jdbc:h2:./data/x;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:./data/x;MODE=PostgreSQL;WRITE_DELAY=0");
    assertThat(Database.durableH2("jdbc:h2:./data/x;write_delay=100"))
        .isEqualTo("jdbc:h2:./data/x;write_delay=100");
    assertThat(Database.DEFAULT_URL).contains(";WRITE_DELAY=0");
  }

  @Test
  void settings_refuse_other_databases_and_unbounded_values() {
    assertThatThrownBy(() -> Database.Settings.of("jdbc:mysql://x/y", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("url");
    assertThatThrownBy(
            () ->
                new Database.Settings(
                    Database.DEFAULT_URL,
                    null,
                    null,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30),
                    0))
        .hasMessageContaining("maxPoolSize");
  }

  @Test
  void making_a_database_does_no_io() {
    try (var database =
        new Database(Database.Settings.of("jdbc:postgresql://127.0.0.1:1/nowhere", "x", "y"))) {
      assertThat(database.jdbi()).isNotNull();
    }
  }

  @Test
  void only_h2_and_postgresql_are_known_vendors() {
    assertThat(Vendor.fromProductName("PostgreSQL")).isEqualTo(Vendor.POSTGRESQL);
    assertThat(Vendor.fromProductName("H2")).isEqualTo(Vendor.H2);
    assertThatThrownBy(() -> Vendor.fromProductName("MySQL"))
        .isInstanceOf(IllegalStateException.class);
  }
}
