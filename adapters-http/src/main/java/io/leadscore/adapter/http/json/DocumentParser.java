package io.leadscore.adapter.http.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses YAML or JSON text into the plain tree the domain readers take: {@code Map<String, ?>} (key
 * order kept), {@code List}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code Boolean} and {@code null}. Nothing else ever appears in the tree.
 *
 * <p>YAML follows YAML 1.2 booleans: only {@code true}/{@code false} are booleans, so the key
 * {@code on} and values such as {@code on}, {@code yes}, {@code no} stay strings (scoring-model.md,
 * "YAML"; dependencies.md gotcha 7). A repeated key in one mapping is an error, in JSON and YAML.
 * YAML aliases are refused with the line of the first one (an anchor alone changes nothing). Error
 * messages are plain words with a line and column, never the parser's feature names or Java types.
 * Numbers too large for a double become infinite doubles, which the readers reject as problems.
 *
 * <p>Which format: {@code .yaml}/{@code .yml} is YAML, {@code .json} is JSON; any other file is
 * JSON when its first non-blank character is <code>{</code>, else YAML. Thread-safe.
 */
public final class DocumentParser {
  private DocumentParser() {}

  /** The two text formats a model, contact or event may be written in. */
  public enum Format {
    JSON,
    YAML
  }

  /**
   * Limits on what a document may be, whatever its size: deeper nesting than any model or event
   * needs would only serve to exhaust the stack, and a string of over a mebibyte is no field's
   * value (quality.md, request-limits: such input is a 400, never an error of the server).
   */
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(1 << 20).build();

  private static final ObjectMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .streamReadConstraints(LIMITS)
                  .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * Reads a file as YAML or JSON (chosen as the class comment says).
   *
   * @throws DocumentSyntaxException when the file is missing or unreadable, or its text is not
   *     valid YAML or JSON; the message names the file and, when known, line and column
   */
  public static Object parseFile(Path file) throws DocumentSyntaxException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DocumentSyntaxException(file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new DocumentSyntaxException(file.toString(), "cannot read: " + e.getMessage(), e);
    }
    return parse(content, formatOf(file, content), file.toString());
  }

  /** The format of a file, from its name, else from its first non-blank character. */
  public static Format formatOf(Path file, byte[] content) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Format.YAML;
    }
    if (lower.endsWith(".json")) {
      return Format.JSON;
    }
    for (byte b : content) {
      // skip blanks and a UTF-8 byte order mark
      if (b == ' '
          || b == '\t'
          || b == '\r'
          || b == '\n'
          || b == (byte) 0xEF
          || b == (byte) 0xBB
          || b == (byte) 0xBF) {
        continue;
      }
      return b == '{' ? Format.JSON : Format.YAML;
    }
    return Format.YAML;
  }

  /**
   * Parses text in the given format.
   *
   * @param source what to call the text in messages (usually the file name)
   * @throws DocumentSyntaxException when the text is empty or not valid in that format
   */
  public static Object parse(byte[] content, Format format, String source)
      throws DocumentSyntaxException {
    ObjectMapper mapper = format == Format.JSON ? JSON : YAML;
    Object tree;
    try {
      tree =
          format == Format.JSON
              ? mapper.readValue(content, Object.class)
              : mapper.readValue(withoutAliases(mapper.createParser(content)), Object.class);
    } catch (MismatchedInputException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("No content to map")) {
        throw new DocumentSyntaxException(source, "empty document", e);
      }
      throw syntaxError(source, format, e);
    } catch (JsonProcessingException e) {
      throw syntaxError(source, format, e);
    } catch (IOException e) {
      throw new DocumentSyntaxException(source, "cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // SnakeYAML signals some malformed input (bad encodings, odd tags) with unchecked
      // exceptions that Jackson does not always wrap: still the user's text, not our bug.
      throw new DocumentSyntaxException(
          source, "not valid " + format + ": " + plain(e.getMessage(), format), e);
    }
    String unsupported = firstUnsupported(tree, "");
    if (unsupported != null) {
      throw new DocumentSyntaxException(source, unsupported, null);
    }
    return tree;
  }

  private static DocumentSyntaxException syntaxError(
      String source, Format format, JsonProcessingException e) {
    String message = e.getOriginalMessage();
    JsonLocation location = e.getLocation();
    long line = location == null ? -1 : location.getLineNr();
    long column = location == null ? -1 : location.getColumnNr();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
      message =
          marked.getContext() == null
              ? marked.getProblem()
              : marked.getContext() + ", " + marked.getProblem();
      if (marked.getProblemMark() != null) {
        line = marked.getProblemMark().getLine() + 1L;
        column = marked.getProblemMark().getColumn() + 1L;
      }
    }
    return new DocumentSyntaxException(
        source,
        Math.max(line, 0),
        Math.max(column, 0),
        "not valid " + format + ": " + plain(message, format),
        e);
  }

  /**
   * Refuses YAML anchors ({@code &n}) and aliases ({@code *n}) where they appear: Jackson would
   * read an alias as the text of its name ({@code equals: *n} as {@code "n"}), silently, and
   * expanding them is what makes a small document huge. No model, contact or event needs them.
   */
  private static JsonParser withoutAliases(JsonParser parser) {
    return new JsonParserDelegate(parser) {
      @Override
      public JsonToken nextToken() throws IOException {
        return checked(super.nextToken());
      }

      @Override
      public JsonToken nextValue() throws IOException {
        return checked(super.nextValue());
      }

      private JsonToken checked(JsonToken token) throws IOException {
        if (parser instanceof YAMLParser yaml) {
          if (yaml.isCurrentAlias()) {
            throw new JsonParseException(
                parser,
                "YAML anchors and aliases are not supported (alias *"
                    + yaml.getText()
                    + "); write each value out");
          }
          Object anchor = yaml.getObjectId();
          if (anchor != null) {
            throw new JsonParseException(
                parser,
                "YAML anchors and aliases are not supported (anchor &"
                    + anchor
                    + "); write each value out");
          }
        }
        return token;
      }
    };
  }

  /** Words that name the parser's insides rather than the input: never shown to a user. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "Feature|ALLOW_|StreamRead|StreamWrite|JsonParser|java\\.|javax\\.|com\\.fasterxml|org\\.yaml"
              + "|snakeyaml|jackson|Exception|Source:|`|\\(byte\\[\\]\\)|\\bat \\[",
          Pattern.CASE_INSENSITIVE);

  /**
   * A parser's message as plain words: its first line, without hints that name the parser's
   * features, limits' getters, Java types or the source buffer (the position is given apart);
   * anything still naming them becomes a generic phrase.
   */
  static String plain(String message, Format format) {
    if (message == null) {
      return "malformed " + format;
    }
    String text = firstLine(message);
    if (text.startsWith("Trailing token")) {
      return "unexpected content after the document's value";
    }
    text =
        text.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
            .replaceAll("\\s*\\[Source:.*?\\]", "")
            .replaceAll(",\\s*from `[^`]*`", "")
            .replaceAll(
                "\\s*\\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)",
                "")
            .replace("maybe a (non-standard) comment?", "comments are not allowed")
            .replaceAll("[:;,]?\\s*(enable|use) `?[A-Za-z]*Feature\\.[A-Z_]+`?( to allow)?", "")
            .strip();
    if (text.isEmpty() || INTERNALS.matcher(text).find()) {
      return "malformed " + format;
    }
    return text;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /**
   * Describes the first value that is not a plain JSON value (say, YAML's {@code !!binary}) or is a
   * string beyond {@link #LIMITS}, or null.
   */
  private static String firstUnsupported(Object node, String path) {
    return switch (node) {
      case null -> null;
      // JSON enforces the limit while parsing; the YAML parser does not, so it is checked here
      case String s ->
          s.length() > LIMITS.getMaxStringLength()
              ? (path.isEmpty() ? "" : path + ": ")
                  + "a string longer than "
                  + LIMITS.getMaxStringLength()
                  + " characters"
              : null;
      case Number n -> null;
      case Boolean b -> null;
      case Map<?, ?> map -> {
        for (var entry : map.entrySet()) {
          String key = String.valueOf(entry.getKey());
          String found =
              firstUnsupported(entry.getValue(), path.isEmpty() ? key : path + "." + key);
          if (found != null) {
            yield found;
          }
        }
        yield null;
      }
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          String found = firstUnsupported(list.get(i), path + "[" + i + "]");
          if (found != null) {
            yield found;
          }
        }
        yield null;
      }
      default ->
          (path.isEmpty() ? "" : path + ": ")
              + "unsupported value (only text, numbers, booleans, lists and mappings)";
    };
  }
}
