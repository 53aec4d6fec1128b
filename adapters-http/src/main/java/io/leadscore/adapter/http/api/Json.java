package io.leadscore.adapter.http.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/**
 * The JSON the API writes: records as objects, instants and durations as ISO-8601 text
 * (dependencies.md, gotcha 3: Jackson's default would write epoch numbers), decimals plain.
 */
public final class Json {
  /** The mapper behind {@link #write} (also Javalin's). */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private Json() {}

  /**
   * Answers {@code value} as JSON, written to bytes on this thread. (Javalin's {@code ctx.json}
   * streams through a pipe filled by another thread, a hand-off per answer that cost the
   * leaderboard most of its time under load.)
   */
  public static void respond(Context ctx, Object value) {
    try {
      ctx.contentType("application/json");
      ctx.result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an API response always serialises", e);
    }
  }

  /** {@code value} as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an API response always serialises", e);
    }
  }
}
