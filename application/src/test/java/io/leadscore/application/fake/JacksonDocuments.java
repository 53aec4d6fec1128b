package io.leadscore.application.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.leadscore.application.port.in.UnreadableDocumentException;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.DocumentReader;
import io.leadscore.application.port.out.ModelDocument;

/** A plain Jackson {@link DocumentReader} for tests (YAML 1.2 booleans, as the real one). */
public final class JacksonDocuments implements DocumentReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
              .build());

  @Override
  public Object read(ModelDocument document) {
    try {
      ObjectMapper mapper = document.format() == DocumentFormat.JSON ? JSON : YAML;
      return mapper.readValue(document.source(), Object.class);
    } catch (JsonProcessingException e) {
      throw new UnreadableDocumentException("not valid " + document.format(), e);
    }
  }
}
