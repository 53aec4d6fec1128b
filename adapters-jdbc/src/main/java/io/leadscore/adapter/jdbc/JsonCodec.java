package io.leadscore.adapter.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.leadscore.application.port.out.TierChange;
import io.leadscore.application.port.out.TopicInterest;
import io.leadscore.domain.engine.LeadScore.Contribution;
import io.leadscore.domain.engine.LeadScore.Kind;
import io.leadscore.domain.model.condition.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON kept in TEXT columns (attributes, properties, tags, topics, top rules, job counts and
 * errors, notification payloads), written and read in one place with Jackson's streaming core.
 *
 * <p>Values round-trip exactly: {@link Value.Text} is a JSON string (so {@code "50"} stays text),
 * {@link Value.Number} a JSON number written in Java's shortest round-trip form and read back as
 * the same double, {@link Value.Bool} a boolean, {@link Value.Many} an array of those. An empty map
 * or list is stored as NULL, so that lean rows stay lean. Stateless and thread-safe.
 */
final class JsonCodec {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonCodec() {}

  @FunctionalInterface
  private interface Writing {
    void write(JsonGenerator json) throws IOException;
  }

  @FunctionalInterface
  private interface Reading<T> {
    T read(JsonParser json) throws IOException;
  }

  private static String write(Writing writing) {
    var text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      writing.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static <T> T read(String text, Reading<T> reading) {
    try (JsonParser json = FACTORY.createParser(text)) {
      json.nextToken();
      return reading.read(json);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable JSON in the database: " + text, e);
    }
  }

  // ---- values (attributes, properties)

  static String values(Map<String, Value> values) {
    return object(values, JsonCodec::writeValue);
  }

  private static void writeValue(JsonGenerator json, Value value) throws IOException {
    switch (value) {
      case Value.Text(String text) -> json.writeString(text);
      case Value.Number(double number) -> json.writeNumber(number);
      case Value.Bool(boolean bool) -> json.writeBoolean(bool);
      case Value.Many(List<Value.Scalar> scalars) -> {
        json.writeStartArray();
        for (Value.Scalar scalar : scalars) {
          writeValue(json, scalar);
        }
        json.writeEndArray();
      }
    }
  }

  static Map<String, Value> values(String text) {
    return object(text, JsonCodec::readValue);
  }

  private static Value readValue(JsonParser json) throws IOException {
    return switch (json.currentToken()) {
      case START_ARRAY -> {
        var scalars = new ArrayList<Value.Scalar>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
          scalars.add((Value.Scalar) readValue(json));
        }
        yield new Value.Many(scalars);
      }
      case VALUE_STRING -> new Value.Text(json.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value.Number(json.getDoubleValue());
      case VALUE_TRUE -> new Value.Bool(true);
      case VALUE_FALSE -> new Value.Bool(false);
      default -> throw new IOException("not a value: " + json.currentToken());
    };
  }

  // ---- lists of strings (tags, topics, errors)

  static String strings(Collection<String> strings) {
    if (strings.isEmpty()) {
      return null;
    }
    return write(
        json -> {
          json.writeStartArray();
          for (String string : strings) {
            json.writeString(string);
          }
          json.writeEndArray();
        });
  }

  /** A set as JSON, sorted so that equal sets are equal text. */
  static String sortedStrings(Collection<String> strings) {
    return strings(new TreeSet<>(strings));
  }

  static List<String> strings(String text) {
    if (text == null) {
      return List.of();
    }
    return read(
        text,
        json -> {
          expect(json, JsonToken.START_ARRAY);
          var strings = new ArrayList<String>();
          while (json.nextToken() != JsonToken.END_ARRAY) {
            strings.add(json.getText());
          }
          return strings;
        });
  }

  // ---- job counts

  static String counts(Map<String, Long> counts) {
    return object(counts, JsonGenerator::writeNumber);
  }

  static Map<String, Long> counts(String text) {
    return object(text, JsonParser::getLongValue);
  }

  // ---- objects of named values (values, counts)

  @FunctionalInterface
  private interface ValueWriting<V> {
    void write(JsonGenerator json, V value) throws IOException;
  }

  /** An object of the map's entries sorted by name (the same map is always the same text). */
  private static <V> String object(Map<String, V> entries, ValueWriting<V> value) {
    if (entries.isEmpty()) {
      return null;
    }
    return write(
        json -> {
          json.writeStartObject();
          for (var entry : new TreeMap<>(entries).entrySet()) {
            json.writeFieldName(entry.getKey());
            value.write(json, entry.getValue());
          }
          json.writeEndObject();
        });
  }

  /** The entries of an object in the text's order; each value read at its first token. */
  private static <V> Map<String, V> object(String text, Reading<V> value) {
    if (text == null) {
      return Map.of();
    }
    return read(
        text,
        json -> {
          expect(json, JsonToken.START_OBJECT);
          var entries = new LinkedHashMap<String, V>();
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            entries.put(name, value.read(json));
          }
          return entries;
        });
  }

  // ---- JSON-like trees (source settings)

  /** A JSON-like tree (maps, lists, strings, numbers, booleans, nulls) as JSON; empty is NULL. */
  static String tree(Map<String, Object> tree) {
    if (tree.isEmpty()) {
      return null;
    }
    return write(json -> writeNode(json, tree));
  }

  private static void writeNode(JsonGenerator json, Object node) throws IOException {
    switch (node) {
      case null -> json.writeNull();
      case Map<?, ?> map -> {
        json.writeStartObject();
        for (var entry : map.entrySet()) {
          json.writeFieldName(String.valueOf(entry.getKey()));
          writeNode(json, entry.getValue());
        }
        json.writeEndObject();
      }
      case List<?> list -> {
        json.writeStartArray();
        for (Object item : list) {
          writeNode(json, item);
        }
        json.writeEndArray();
      }
      case String text -> json.writeString(text);
      case Boolean bool -> json.writeBoolean(bool);
      case Long whole -> json.writeNumber(whole);
      case Integer whole -> json.writeNumber(whole);
      case Number number -> json.writeNumber(number.doubleValue());
      default -> throw new IOException("not a JSON value: " + node.getClass().getName());
    }
  }

  /** A tree read back: objects in the text's order, whole numbers as Long, others as Double. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> tree(String text) {
    if (text == null) {
      return Map.of();
    }
    return (Map<String, Object>) read(text, JsonCodec::readNode);
  }

  private static Object readNode(JsonParser json) throws IOException {
    return switch (json.currentToken()) {
      case START_OBJECT -> {
        var map = new LinkedHashMap<String, Object>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          json.nextToken();
          map.put(name, readNode(json));
        }
        yield map;
      }
      case START_ARRAY -> {
        var list = new ArrayList<Object>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
          list.add(readNode(json));
        }
        yield list;
      }
      case VALUE_STRING -> json.getText();
      case VALUE_NUMBER_INT ->
          json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? (Object) json.getDoubleValue()
              : (Object) json.getLongValue();
      case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("not a value: " + json.currentToken());
    };
  }

  // ---- top rules

  static String contributions(List<Contribution> contributions) {
    if (contributions.isEmpty()) {
      return null;
    }
    return write(
        json -> {
          json.writeStartArray();
          for (Contribution contribution : contributions) {
            json.writeStartObject();
            json.writeStringField("rule", contribution.rule());
            json.writeStringField("kind", contribution.kind().jsonName());
            json.writeNumberField("awards", contribution.awards());
            json.writeNumberField("points", contribution.points());
            json.writeEndObject();
          }
          json.writeEndArray();
        });
  }

  static List<Contribution> contributions(String text) {
    if (text == null) {
      return List.of();
    }
    return read(
        text,
        json -> {
          expect(json, JsonToken.START_ARRAY);
          var contributions = new ArrayList<Contribution>();
          while (json.nextToken() == JsonToken.START_OBJECT) {
            String rule = null;
            Kind kind = null;
            int awards = 0;
            double points = 0;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
              String name = json.currentName();
              json.nextToken();
              switch (name) {
                case "rule" -> rule = json.getText();
                case "kind" -> kind = Kind.valueOf(json.getText().toUpperCase(Locale.ROOT));
                case "awards" -> awards = json.getIntValue();
                case "points" -> points = json.getDoubleValue();
                default -> json.skipChildren();
              }
            }
            contributions.add(new Contribution(rule, kind, awards, points));
          }
          return contributions;
        });
  }

  // ---- notification payloads

  /** A {@code score.tier_changed} payload: the change's fields, the instant in ISO-8601. */
  static String tierChange(TierChange change) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("workspace", change.workspace());
          json.writeStringField("model", change.model());
          json.writeStringField("contactId", change.contactId());
          json.writeStringField("from", change.from());
          json.writeStringField("to", change.to());
          json.writeNumberField("score", change.score());
          json.writeStringField("at", change.at().toString());
          json.writeEndObject();
        });
  }

  /** A {@code topic.interested} payload: the interest's fields, the instant in ISO-8601. */
  static String topicInterest(TopicInterest change) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("workspace", change.workspace());
          json.writeStringField("model", change.model());
          json.writeStringField("contactId", change.contactId());
          json.writeStringField("topic", change.topic());
          json.writeNumberField("items", change.items());
          json.writeStringField("at", change.at().toString());
          json.writeEndObject();
        });
  }

  static TopicInterest topicInterest(String text) {
    return read(
        text,
        json -> {
          expect(json, JsonToken.START_OBJECT);
          var fields = new LinkedHashMap<String, String>();
          int items = 0;
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            if (name.equals("items")) {
              items = json.getIntValue();
            } else {
              fields.put(name, json.getText());
            }
          }
          return new TopicInterest(
              fields.get("workspace"),
              fields.get("model"),
              fields.get("contactId"),
              fields.get("topic"),
              items,
              java.time.Instant.parse(fields.get("at")));
        });
  }

  static TierChange tierChange(String text) {
    return read(
        text,
        json -> {
          expect(json, JsonToken.START_OBJECT);
          var fields = new LinkedHashMap<String, String>();
          double score = 0;
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            JsonToken token = json.nextToken();
            if (name.equals("score")) {
              score = json.getDoubleValue();
            } else {
              fields.put(name, token == JsonToken.VALUE_NULL ? null : json.getText());
            }
          }
          return new TierChange(
              fields.get("workspace"),
              fields.get("model"),
              fields.get("contactId"),
              fields.get("from"),
              fields.get("to"),
              score,
              java.time.Instant.parse(fields.get("at")));
        });
  }

  private static void expect(JsonParser json, JsonToken token) throws IOException {
    if (json.currentToken() != token) {
      throw new IOException("expected " + token + ", found " + json.currentToken());
    }
  }
}
