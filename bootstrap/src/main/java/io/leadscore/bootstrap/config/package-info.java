/**
 * The node's configuration: typed records read from a YAML file and {@code LEADSCORE_*} environment
 * variables, with every problem reported by its key (docs/operations.md, "Configuration"). Depends
 * on nothing else in {@code bootstrap}.
 */
package io.leadscore.bootstrap.config;
