package io.leadscore.bootstrap.cli;

import picocli.CommandLine.Option;

/** The {@code -h/--help} option every command takes, declared once (a picocli mixin). */
final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;
}
