package io.leadscore.adapter.http.json;

import io.leadscore.application.port.in.UnreadableDocumentException;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.DocumentReader;
import io.leadscore.application.port.out.ModelDocument;
import java.nio.charset.StandardCharsets;

/**
 * The {@link DocumentReader} port on the CLI's {@link DocumentParser}: the server and the offline
 * CLI read models with the same rules (YAML 1.2 booleans, duplicate keys refused). Thread-safe.
 */
public final class JacksonDocumentReader implements DocumentReader {
  @Override
  public Object read(ModelDocument document) {
    DocumentParser.Format format =
        document.format() == DocumentFormat.JSON
            ? DocumentParser.Format.JSON
            : DocumentParser.Format.YAML;
    try {
      return DocumentParser.parse(
          document.source().getBytes(StandardCharsets.UTF_8), format, "model");
    } catch (DocumentSyntaxException e) {
      throw new UnreadableDocumentException(e.located(), e);
    }
  }
}
