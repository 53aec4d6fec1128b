package io.leadscore.bootstrap.config;

import io.leadscore.adapter.http.json.DocumentParser;
import io.leadscore.adapter.http.json.DocumentSyntaxException;
import io.leadscore.application.egress.AddressRange;
import io.leadscore.domain.reading.Problem;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link LeadscoreConfig}: the defaults, then a YAML file (optional), then environment
 * variables ({@code LEADSCORE_DB_URL}, {@code LEADSCORE_PORT}, ... : {@link #ENVIRONMENT}). Every
 * problem is reported at once with its path ({@code database.poolSize: must be a positive
 * integer}), and unknown keys are problems too, so a typo does not silently keep a default.
 */
public final class ConfigLoader {
  /** Each environment variable and the configuration key it overrides. */
  public static final Map<String, String> ENVIRONMENT =
      Map.ofEntries(
          Map.entry("LEADSCORE_HOST", "server.host"),
          Map.entry("LEADSCORE_PORT", "server.port"),
          Map.entry("LEADSCORE_MAX_THREADS", "server.maxThreads"),
          Map.entry("LEADSCORE_MAX_CONCURRENT_WRITES", "server.maxConcurrentWrites"),
          Map.entry("LEADSCORE_IDLE_TIMEOUT", "server.idleTimeout"),
          Map.entry("LEADSCORE_AUTH_FAILURE_BUDGET", "server.authFailureBudget"),
          Map.entry("LEADSCORE_DB_URL", "database.url"),
          Map.entry("LEADSCORE_DB_USER", "database.user"),
          Map.entry("LEADSCORE_DB_PASSWORD", "database.password"),
          Map.entry("LEADSCORE_DB_POOL_SIZE", "database.poolSize"),
          Map.entry("LEADSCORE_DB_CONNECT_TIMEOUT", "database.connectTimeout"),
          Map.entry("LEADSCORE_DB_SOCKET_TIMEOUT", "database.socketTimeout"),
          Map.entry("LEADSCORE_MIGRATE_ON_START", "database.migrateOnStart"),
          Map.entry("LEADSCORE_WORKERS", "workers.enabled"),
          Map.entry("LEADSCORE_DECAY_SWEEP", "workers.decaySweep"),
          Map.entry("LEADSCORE_EGRESS_ALLOW", "egress.allow"));

  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "server",
              Set.of(
                  "host",
                  "port",
                  "maxThreads",
                  "maxConcurrentWrites",
                  "idleTimeout",
                  "authFailureBudget"),
          "database",
              Set.of(
                  "url",
                  "user",
                  "password",
                  "poolSize",
                  "connectTimeout",
                  "socketTimeout",
                  "migrateOnStart"),
          "workers", Set.of("enabled", "refresh", "jobs", "decaySweep", "webhooks"),
          "egress", Set.of("allow"));

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Object> values = new java.util.HashMap<>();

  private ConfigLoader() {}

  /**
   * The configuration from {@code file} (null for none) and {@code environment}.
   *
   * @throws InvalidConfigException listing every problem
   */
  public static LeadscoreConfig load(Path file, Map<String, String> environment) {
    var loader = new ConfigLoader();
    if (file != null) {
      loader.readFile(file);
    }
    loader.readEnvironment(environment);
    return loader.build();
  }

  private void readFile(Path file) {
    Object tree;
    try {
      tree = DocumentParser.parseFile(file);
    } catch (DocumentSyntaxException e) {
      throw new InvalidConfigException(List.of(new Problem("", e.getMessage())));
    }
    if (tree == null) {
      return;
    }
    if (!(tree instanceof Map<?, ?> root)) {
      throw new InvalidConfigException(List.of(new Problem("", "must be a mapping of sections")));
    }
    for (var section : root.entrySet()) {
      String name = String.valueOf(section.getKey());
      Set<String> known = KEYS.get(name);
      if (known == null) {
        problems.add(
            new Problem(name, "unknown section; known: database, egress, server, workers"));
      } else if (!(section.getValue() instanceof Map<?, ?> entries)) {
        problems.add(new Problem(name, "must be a mapping"));
      } else {
        for (var entry : entries.entrySet()) {
          String key = String.valueOf(entry.getKey());
          if (!known.contains(key)) {
            problems.add(new Problem(name + "." + key, "unknown key; known: " + known));
          } else {
            values.put(name + "." + key, entry.getValue());
          }
        }
      }
    }
  }

  private void readEnvironment(Map<String, String> environment) {
    ENVIRONMENT.forEach(
        (variable, key) -> {
          String value = environment.get(variable);
          if (value != null && !value.isEmpty()) {
            values.put(key, value);
          }
        });
  }

  private LeadscoreConfig build() {
    var defaults = LeadscoreConfig.defaults();
    var server =
        new LeadscoreConfig.Server(
            text("server.host", defaults.server().host()),
            integer("server.port", defaults.server().port(), 0, 65535),
            integer("server.maxThreads", defaults.server().maxThreads(), 8, 10_000),
            integer(
                "server.maxConcurrentWrites", defaults.server().maxConcurrentWrites(), 1, 10_000),
            duration("server.idleTimeout", defaults.server().idleTimeout()),
            integer(
                "server.authFailureBudget", defaults.server().authFailureBudget(), 1, 1_000_000));
    var db = defaults.database();
    String url = text("database.url", db.url());
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      problems.add(new Problem("database.url", "must start with jdbc:h2: or jdbc:postgresql:"));
    }
    var database =
        new LeadscoreConfig.DatabaseConfig(
            url,
            text("database.user", db.user()),
            text("database.password", db.password()),
            integer("database.poolSize", db.poolSize(), 1, 1_000),
            duration("database.connectTimeout", db.connectTimeout()),
            duration("database.socketTimeout", db.socketTimeout()),
            bool("database.migrateOnStart", db.migrateOnStart()));
    var w = defaults.workers();
    var workers =
        new LeadscoreConfig.Workers(
            bool("workers.enabled", w.enabled()),
            duration("workers.refresh", w.refresh()),
            duration("workers.jobs", w.jobs()),
            duration("workers.decaySweep", w.decaySweep()),
            duration("workers.webhooks", w.webhooks()));
    var egress = new LeadscoreConfig.Egress(ranges("egress.allow"));
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new LeadscoreConfig(server, database, workers, egress);
  }

  /**
   * CIDR ranges: a YAML list, or one text of comma-separated ranges (how the environment variable
   * gives them); each bad one is a problem at its index.
   */
  private List<AddressRange> ranges(String key) {
    Object value = values.get(key);
    if (value == null) {
      return List.of();
    }
    List<?> items;
    if (value instanceof List<?> list) {
      items = list;
    } else if (value instanceof Map) {
      problems.add(new Problem(key, "must be a list of CIDR ranges such as 127.0.0.0/8"));
      return List.of();
    } else {
      String text = String.valueOf(value).strip();
      items = text.isEmpty() ? List.of() : List.of(text.split(",", -1));
    }
    var ranges = new ArrayList<AddressRange>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String path = key + "[" + i + "]";
      if (item instanceof Map || item instanceof List || item == null) {
        problems.add(new Problem(path, "must be a CIDR range such as 127.0.0.0/8"));
        continue;
      }
      try {
        ranges.add(AddressRange.parse(String.valueOf(item)));
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(path, e.getMessage() + " (expected a CIDR range such as 10.0.0.0/8)"));
      }
    }
    return ranges;
  }

  private String text(String key, String fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      problems.add(new Problem(key, "must be a single value"));
      return fallback;
    }
    return String.valueOf(value);
  }

  private int integer(String key, int fallback, int min, int max) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(String.valueOf(value).strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the allowed range
    }
    problems.add(new Problem(key, "must be an integer from " + min + " to " + max));
    return fallback;
  }

  private Duration duration(String key, Duration fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      Duration parsed = Duration.parse(String.valueOf(value).strip());
      if (!parsed.isNegative() && !parsed.isZero()) {
        return parsed;
      }
    } catch (DateTimeException e) {
      // reported below
    }
    problems.add(new Problem(key, "must be a positive ISO-8601 duration such as PT15M"));
    return fallback;
  }

  private boolean bool(String key, boolean fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    problems.add(new Problem(key, "must be true or false"));
    return fallback;
  }
}
