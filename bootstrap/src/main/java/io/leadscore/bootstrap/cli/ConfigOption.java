package io.leadscore.bootstrap.cli;

import io.leadscore.bootstrap.config.ConfigLoader;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: the YAML configuration, overridden by {@code LEADSCORE_*} environment
 * variables (docs/operations.md); without a file, the defaults and the environment.
 */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration file; LEADSCORE_* environment variables override it.")
  Path file;

  /** The configuration; throws {@link io.leadscore.bootstrap.config.InvalidConfigException}. */
  LeadscoreConfig load() {
    return ConfigLoader.load(file, System.getenv());
  }
}
