package io.leadscore.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadscore.domain.reading.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path file(String yaml) throws IOException {
    Path file = dir.resolve("leadscore.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void without_a_file_or_variables_every_default_holds() {
    assertThat(ConfigLoader.load(null, Map.of())).isEqualTo(LeadscoreConfig.defaults());
  }

  @Test
  void a_file_sets_values_and_the_environment_overrides_it() throws IOException {
    Path file =
        file(
            """
            server: { port: 8080, host: 0.0.0.0 }
            database:
              url: jdbc:postgresql://db:5432/leadscore
              user: app
              password: from-file
              connectTimeout: PT2S
            workers: { enabled: false, decaySweep: PT5M }
            """);
    LeadscoreConfig config =
        ConfigLoader.load(
            file, Map.of("LEADSCORE_PORT", "9090", "LEADSCORE_DB_PASSWORD", "from-env"));

    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db:5432/leadscore");
    assertThat(config.database().password()).isEqualTo("from-env");
    assertThat(config.database().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.workers().enabled()).isFalse();
    assertThat(config.workers().decaySweep()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.database().toString()).doesNotContain("from-env").contains("(hidden)");
  }

  @Test
  void every_problem_is_reported_with_its_key() throws IOException {
    Path file =
        file(
            """
            server: { port: 70000, prot: 1 }
            database: { url: "jdbc:mysql://x", poolSize: none, socketTimeout: 30s }
            workers: { enabled: maybe }
            extra: {}
            """);
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of("LEADSCORE_DECAY_SWEEP", "-PT1M")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactlyInAnyOrder(
                        "server.port",
                        "server.prot",
                        "database.url",
                        "database.poolSize",
                        "database.socketTimeout",
                        "workers.enabled",
                        "workers.decaySweep",
                        "extra"));
  }

  @Test
  void a_file_that_is_not_yaml_names_the_file() throws IOException {
    Path file = file("server: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("leadscore.yaml");
  }

  @Test
  void egress_allows_no_private_range_by_default() {
    assertThat(ConfigLoader.load(null, Map.of()).egress().allow()).isEmpty();
  }

  @Test
  void egress_allow_comes_from_a_yaml_list_and_the_environment_overrides_it() throws IOException {
    Path file = file("egress: { allow: [10.0.0.0/8, 'fd00::/8'] }\n");
    assertThat(ConfigLoader.load(file, Map.of()).egress().allow())
        .extracting(Object::toString)
        .containsExactly("10.0.0.0/8", "fd00:0:0:0:0:0:0:0/8");
    var overridden =
        ConfigLoader.load(file, Map.of("LEADSCORE_EGRESS_ALLOW", "127.0.0.0/8,::1/128"));
    assertThat(overridden.egress().allow())
        .extracting(Object::toString)
        .containsExactly("127.0.0.0/8", "0:0:0:0:0:0:0:1/128");
    assertThat(overridden.egress().policy().permits(java.net.InetAddress.getLoopbackAddress()))
        .isTrue();
  }

  @Test
  void bad_egress_ranges_are_reported_by_key() throws IOException {
    Path file = file("egress: { allow: [10.0.0.0/8, 10.0.0.0/40, localhost] }\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactly("egress.allow[1]", "egress.allow[2]"));
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of("LEADSCORE_EGRESS_ALLOW", "127.0.0.0/8,nope")))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactly("egress.allow[1]"));
  }
}
