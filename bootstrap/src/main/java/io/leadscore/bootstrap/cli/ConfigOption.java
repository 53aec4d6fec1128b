package io.leadscore.bootstrap.cli;

import io.leadscore.bootstrap.ConfigLoader;
import io.leadscore.bootstrap.LeadscoreConfig;
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

  /** The configuration; throws {@link io.leadscore.bootstrap.InvalidConfigException}. */
  LeadscoreConfig load() {
    return ConfigLoader.load(file, System.getenv());
  }
}
