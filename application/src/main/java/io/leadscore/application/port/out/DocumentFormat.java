package io.leadscore.application.port.out;

/** The two text formats a model document may be written in. */
public enum DocumentFormat {
  JSON,
  YAML
}
