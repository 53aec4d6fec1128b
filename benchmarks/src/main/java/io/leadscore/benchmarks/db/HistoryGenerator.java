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
 * is the same on every call, so a re-send re-sends the very same events.
 */
final class HistoryGenerator {
  static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(180);
  static final Instant END = START.plus(SPAN);

  private static final String[] URLS = {
    "https://ex.com/blog/network-risks",
    "https://ex.com/blog/mobile-risks",
    "https://ex.com/blog/ransomware",
    "https://ex.com/pricing",
    "https://ex.com/docs/start",
  };

  private final int contacts;
  private final long events;

  HistoryGenerator(int contacts, long events) {
    this.contacts = contacts;
    this.events = events;
  }

  long events() {
    return events;
  }

  /** One generated event: its fields as the ingest API takes them and as COPY writes them. */
  record Generated(
      String key, int contact, String type, Instant occurredAt, String url, String form) {
    String email() {
      return "c" + contact + "@example.com";
    }

    Map<String, Object> tree() {
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

  Generated event(long g) {
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
    return new Generated("g-" + g, contact, type, at, url, form);
  }

  /** Events {@code [from, from + size)} as ingest trees. */
  List<Object> batch(long from, int size) {
    var batch = new ArrayList<Object>(size);
    for (long g = from; g < Math.min(events, from + size); g++) {
      batch.add(event(g).tree());
    }
    return batch;
  }
}
