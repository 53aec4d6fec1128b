package io.leadscore.application.port.out;

import java.util.Objects;

/** A model as its author wrote it: the text (comments and all) and its format. */
public record ModelDocument(String source, DocumentFormat format) {
  public ModelDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
  }
}
