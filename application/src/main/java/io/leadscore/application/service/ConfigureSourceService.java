package io.leadscore.application.service;

import io.leadscore.application.ingest.DerivedEventKeys;
import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.port.in.ConfigureSourceCommand;
import io.leadscore.application.port.in.ConfigureSourceUseCase;
import io.leadscore.application.port.in.ConfiguredSource;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.SourceView;
import io.leadscore.application.port.out.Schedule;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.vendor.VendorConnectorFactory;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.Read;
import io.leadscore.domain.reading.StoredText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configures sources (see {@link ConfigureSourceUseCase}): validates the whole body, the settings
 * and write-back by the vendor module's factory (paths prefixed {@code settings.} and {@code
 * writeBack.}), stores the source with the SHA-256 of a new random hook secret, and shows sources
 * with their secret settings masked (every setting, when no module of the source's kind is
 * present).
 */
public final class ConfigureSourceService implements ConfigureSourceUseCase {
  private static final Set<String> KEYS =
      Set.of("kind", "name", "settings", "schedule", "writeBack");
  private static final int MAX_NAME = 200;

  private final SourceRepository sources;
  private final Map<String, VendorConnectorFactory> factories;
  private final Clock clock;

  /**
   * @param factories the vendor modules present, by kind
   */
  public ConfigureSourceService(
      SourceRepository sources, Map<String, VendorConnectorFactory> factories, Clock clock) {
    this.sources = sources;
    this.factories = Map.copyOf(factories);
    this.clock = clock;
  }

  @Override
  public ConfiguredSource create(ConfigureSourceCommand command) {
    if (!(command.body() instanceof Map<?, ?> body)) {
      throw InvalidInputException.at("", "must be a source object {kind, name, settings, ...}");
    }
    var problems = new ArrayList<Problem>();
    body.keySet().stream()
        .filter(key -> !KEYS.contains(key))
        .forEach(key -> problems.add(new Problem(String.valueOf(key), "unknown key")));
    VendorConnectorFactory factory = factory(body.get("kind"), problems);
    String name = name(body, problems);
    Map<String, Object> settings = object(body, "settings", true, problems);
    Map<String, Object> writeBack = object(body, "writeBack", false, problems);
    if (factory != null && settings != null) {
      prefixed("settings.", factory.checkSettings(settings), problems);
    }
    if (factory != null && writeBack != null) {
      prefixed("writeBack.", factory.checkWriteBack(writeBack), problems);
    }
    Schedule schedule = schedule(body.get("schedule"), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException("invalid source", problems);
    }
    String secret = RandomIds.next("", 40);
    Instant now = clock.instant();
    var source =
        new Source(
            RandomIds.next("src_", 20),
            command.workspace(),
            factory.kind(),
            name != null ? name : factory.kind(),
            settings,
            schedule,
            writeBack != null ? writeBack : Map.of(),
            hash(secret),
            null,
            schedule.first(now).orElse(null),
            now);
    sources.create(source);
    return new ConfiguredSource(view(source), secret);
  }

  @Override
  public List<SourceView> list(String workspace) {
    return sources.list(workspace).stream().map(this::view).toList();
  }

  @Override
  public SourceView get(String workspace, String sourceId) {
    return sources
        .find(workspace, sourceId)
        .map(this::view)
        .orElseThrow(() -> new NotFoundException("source", sourceId));
  }

  /** The hex SHA-256 of a hook secret, as stored. */
  static String hash(String secret) {
    return HexFormat.of().formatHex(DerivedEventKeys.sha256(secret));
  }

  private SourceView view(Source source) {
    VendorConnectorFactory factory = factories.get(source.kind());
    var settings = new LinkedHashMap<String, Object>();
    source
        .settings()
        .forEach(
            (key, value) ->
                settings.put(
                    key,
                    value != null && (factory == null || factory.secretSettings().contains(key))
                        ? SourceView.MASK
                        : value));
    return new SourceView(
        source.id(),
        source.kind(),
        source.name(),
        settings,
        source.schedule().text().orElse(null),
        source.writeBack(),
        source.nextSyncAt(),
        source.cursor() != null,
        source.createdAt());
  }

  private VendorConnectorFactory factory(Object kind, List<Problem> problems) {
    VendorConnectorFactory factory = kind instanceof String text ? factories.get(text) : null;
    if (factory == null) {
      problems.add(
          new Problem(
              "kind",
              (kind == null ? "required" : "unknown kind " + kind)
                  + "; known kinds: "
                  + String.join(", ", factories.keySet().stream().sorted().toList())));
    }
    return factory;
  }

  private static String name(Map<?, ?> body, List<Problem> problems) {
    Object name = body.get("name");
    if (name == null) {
      return null;
    }
    if (name instanceof String text && !text.isBlank() && text.length() <= MAX_NAME) {
      if (StoredText.problem(text).isPresent()) {
        problems.add(new Problem("name", StoredText.problem(text).get()));
        return null;
      }
      return text.strip();
    }
    problems.add(new Problem("name", "must be a non-empty string of at most 200 characters"));
    return null;
  }

  /** A mapping with string keys, or null (with a problem when it is there but not one). */
  private static Map<String, Object> object(
      Map<?, ?> body, String key, boolean required, List<Problem> problems) {
    Object node = body.get(key);
    if (node == null) {
      if (required) {
        problems.add(new Problem(key, "required"));
      }
      return null;
    }
    if (!(node instanceof Map<?, ?> map)
        || !map.keySet().stream().allMatch(String.class::isInstance)) {
      problems.add(new Problem(key, "must be an object"));
      return null;
    }
    // stored as JSON text: every key and string must be storable, at any depth
    List<Problem> unstorable = StoredText.problemsIn(map, key);
    if (!unstorable.isEmpty()) {
      problems.addAll(unstorable);
      return null;
    }
    var copy = new LinkedHashMap<String, Object>();
    map.forEach((name, value) -> copy.put((String) name, value));
    return copy;
  }

  private static void prefixed(String prefix, List<Problem> found, List<Problem> problems) {
    found.forEach(
        problem ->
            problems.add(
                new Problem(
                    problem.path().isEmpty()
                        ? prefix.substring(0, prefix.length() - 1)
                        : prefix + problem.path(),
                    problem.message())));
  }

  private static Schedule schedule(Object node, List<Problem> problems) {
    if (node != null && !(node instanceof String)) {
      problems.add(new Problem("schedule", "must be an ISO-8601 duration or a cron expression"));
      return new Schedule.None();
    }
    return switch (Schedule.parse((String) node)) {
      case Read.Valid<Schedule>(Schedule schedule) -> schedule;
      case Read.Invalid<Schedule>(List<Problem> found) -> {
        prefixed("schedule.", found, problems);
        yield new Schedule.None();
      }
    };
  }
}
