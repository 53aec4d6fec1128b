package io.leadscore.benchmarks.db;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic engagement history: {@code events} events over {@code contacts} contacts spread
 * across 180 days in time order (as a live stream would deliver them), with the b2b-default model's
 * event types (opens, clicks on blog posts, forms, page views, a few unsubscribes). Event {@code g}
 * is the same on every call, so a re-send re-sends the very same events. Its key is {@code
 * <prefix>g-<n>}: another prefix makes another stream of unique events over the same contacts (the
 * HTTP harness uses one per run against a server it did not start).
 */
public final class HistoryGenerator {
  public static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
  public static final Duration SPAN = Duration.ofDays(180);
  public static final Instant END = START.plus(SPAN);

  private static final String[] URLS = {
    "https://ex.com/blog/network-risks",
    "https://ex.com/blog/mobile-risks",
    "https://ex.com/blog/ransomware",
    "https://ex.com/pricing",
    "https://ex.com/docs/start",
  };

  private final int contacts;
  private final long events;
  private final String keyPrefix;

  public HistoryGenerator(int contacts, long events) {
    this(contacts, events, "");
  }

  public HistoryGenerator(int contacts, long events, String keyPrefix) {
    this.contacts = contacts;
    this.events = events;
    this.keyPrefix = keyPrefix;
  }

  public int contacts() {
    return contacts;
  }

  public long events() {
    return events;
  }

  /** One generated event: its fields as the ingest API takes them and as COPY writes them. */
  public record Generated(
      String key, int contact, String type, Instant occurredAt, String url, String form) {
    /** The email of contact {@code n}, as ingest trees name it. */
    public static String email(int n) {
      return "c" + n + "@example.com";
    }

    public String email() {
      return email(contact);
    }

    public Map<String, Object> tree() {
      var properties = new LinkedHashMap<String, Object>();
      if (url != null) {
        properties.put("url", url);
      }
      if (form != null) {
        properties.put("form", form);
      }
      var event = new LinkedHashMap<String, Object>();
      event.put("eventKey", key);
      event.put("type", type);
      event.put("occurredAt", occurredAt.toString());
      event.put("contact", Map.of("email", email()));
      event.put("properties", properties);
      return event;
    }
  }

  public Generated event(long g) {
    var random = new SplittableRandom(g * 0x9E3779B97F4A7C15L + 7);
    int contact = random.nextInt(contacts);
    long offsetMillis = (long) ((double) g / events * SPAN.toMillis());
    Instant at = START.plusMillis(offsetMillis);
    int roll = random.nextInt(100);
    String type;
    String url = null;
    String form = null;
    if (roll < 45) {
      type = "email.opened";
    } else if (roll < 75) {
      type = "email.clicked";
      url = URLS[random.nextInt(URLS.length)];
    } else if (roll < 93) {
      type = "page.viewed";
      url = URLS[random.nextInt(URLS.length)];
    } else if (roll < 99) {
      type = "form.submitted";
      form = random.nextInt(4) == 0 ? "consultation" : "newsletter";
    } else {
      type = "email.unsubscribed";
    }
    return new Generated(keyPrefix + "g-" + g, contact, type, at, url, form);
  }

  /** Events {@code [from, from + size)} as ingest trees. */
  public List<Object> batch(long from, int size) {
    var batch = new ArrayList<Object>(size);
    for (long g = from; g < Math.min(events, from + size); g++) {
      batch.add(event(g).tree());
    }
    return batch;
  }
}
