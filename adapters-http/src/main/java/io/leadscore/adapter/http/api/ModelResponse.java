package io.leadscore.adapter.http.api;

import io.leadscore.adapter.http.json.DocumentParser;
import io.leadscore.adapter.http.json.DocumentSyntaxException;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.ModelDocument;
import io.leadscore.application.port.out.StoredModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A model: its live version number (0 before the first publish), its draft as the parsed document
 * (null when there is none), and its version history, newest last.
 */
public record ModelResponse(String id, int liveVersion, Draft draft, List<Version> versions) {

  /** The draft: when it was saved, the format it was sent in, and the document as JSON. */
  public record Draft(Instant savedAt, String format, Object document) {}

  /** A published version. */
  public record Version(int number, Instant createdAt, boolean live) {}

  static ModelResponse from(StoredModel model) {
    Draft draft =
        model.draft() == null
            ? null
            : new Draft(
                model.draftSavedAt(),
                model.draft().format().name().toLowerCase(java.util.Locale.ROOT),
                tree(model.draft()));
    return new ModelResponse(
        model.id(),
        model.liveVersion(),
        draft,
        model.versions().stream()
            .map(
                version ->
                    new Version(
                        version.number(),
                        version.createdAt(),
                        version.number() == model.liveVersion()))
            .toList());
  }

  /** The stored text as a tree; drafts are stored only once they validate, so this parses. */
  private static Object tree(ModelDocument document) {
    try {
      return DocumentParser.parse(
          document.source().getBytes(StandardCharsets.UTF_8),
          document.format() == DocumentFormat.JSON
              ? DocumentParser.Format.JSON
              : DocumentParser.Format.YAML,
          "draft");
    } catch (DocumentSyntaxException e) {
      throw new IllegalStateException("a stored draft no longer parses: " + e.getMessage(), e);
    }
  }
}
