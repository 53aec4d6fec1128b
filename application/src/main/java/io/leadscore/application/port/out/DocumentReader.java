package io.leadscore.application.port.out;

import io.leadscore.application.port.in.UnreadableDocumentException;

/**
 * Parses JSON or YAML text into the plain tree the domain readers take ({@code Map} with key order
 * kept, {@code List}, {@code String}, numbers, {@code Boolean}, {@code null}). YAML booleans are
 * YAML 1.2's: only {@code true} and {@code false}. Thread-safe.
 */
public interface DocumentReader {
  /**
   * @throws UnreadableDocumentException when the text is empty or not valid in its format
   */
  Object read(ModelDocument document);
}
