package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.leadscore.adapter.http.json.DocumentParser;
import io.leadscore.adapter.http.json.DocumentSyntaxException;
import io.leadscore.application.port.in.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies, read at most {@link ApiSettings#maxBodyBytes()} bytes (413 beyond, whether the
 * client declared a length or streamed it chunked) and parsed into the generic tree the use cases
 * validate. Malformed JSON, too deep a nesting or an over-long string is a 400 naming the line and
 * column; a body that stops arriving (a stalled or aborted upload) is a 408. Thread-safe.
 */
public final class RequestBodies {
  private final long maxBytes;

  public RequestBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The body's bytes; empty when there is none. */
  public byte[] bytes(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      // a stalled upload cut off by the idle timeout, or a client gone mid-body: the client's
      // failure, not the server's (a 408, never a 500)
      throw new IncompleteBodyException(e);
    }
  }

  /** The body as UTF-8 text (a model document); 400 when it is not UTF-8. */
  public String text(Context ctx) {
    byte[] body = bytes(ctx);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw BadRequestException.at("", "the body is not UTF-8 text");
    }
  }

  /** The body as a JSON tree (maps, lists, strings, numbers, booleans, nulls); 400 if absent. */
  public Object json(Context ctx) {
    byte[] body = bytes(ctx);
    if (body.length == 0) {
      throw BadRequestException.at("", "a JSON body is required");
    }
    return parse(body);
  }

  /** The body as a JSON tree, or null when the body is empty. */
  public Object optionalJson(Context ctx) {
    byte[] body = bytes(ctx);
    return body.length == 0 ? null : parse(body);
  }

  private static Object parse(byte[] body) {
    try {
      return DocumentParser.parse(body, DocumentParser.Format.JSON, "body");
    } catch (DocumentSyntaxException e) {
      throw BadRequestException.at("", e.located());
    }
  }

  private TooLargeException tooLarge() {
    return new TooLargeException("the request body is larger than " + maxBytes + " bytes");
  }
}
