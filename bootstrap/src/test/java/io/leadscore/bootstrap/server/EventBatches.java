package io.leadscore.bootstrap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deterministic event batches for the fault tests: batch {@code n} is the same on every call, every
 * event in every batch is distinct (its {@code occurredAt} is unique), and the events lie in the
 * past so that scores count them. Some events carry an explicit {@code eventKey} ({@code
 * <prefix>-<batch>-<index>}), the others get the derived key, so both kinds of idempotency are
 * exercised. Also the model the tests publish. Immutable.
 */
public final class EventBatches {
  /** A model with every kind of engagement rule, decay included. */
  public static final String MODEL =
      """
      id: web
      name: Web
      engagement:
        - { id: open, points: 1, on: email.opened, decay: { halfLife: P30D } }
        - { id: click, points: 5, on: email.clicked, limit: { times: 3, per: P7D } }
        - { id: form, points: 30, on: form.submitted, where: { field: form, equals: consultation } }
        - { id: views, points: 10, on: page.viewed, count: { atLeast: 3, within: P14D } }
        - { id: demo, points: 50, on: demo.requested, decay: { after: P60D } }
      topics:
        - { id: pages, on: page.viewed, interestedAt: 5 }
      tiers:
        - { id: cold, from: 0 }
        - { id: warm, from: 100 }
        - { id: hot, from: 300 }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] TYPES = {
    "email.opened", "email.clicked", "form.submitted", "page.viewed", "demo.requested"
  };

  private final String prefix;
  private final int size;
  private final int contacts;
  private final boolean allExplicit;
  private final Instant base;

  /**
   * @param prefix starts every explicit key, so one test's events are told from another's
   * @param size events per batch
   * @param contacts how many distinct contacts (e-mails) the events are spread over
   * @param allExplicit every event with an explicit key (else every other one)
   */
  public EventBatches(String prefix, int size, int contacts, boolean allExplicit) {
    this.prefix = prefix;
    this.size = size;
    this.contacts = contacts;
    this.allExplicit = allExplicit;
    // a week ago, so the whole stream (one second per event) is in the past
    this.base = Instant.now().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * One batch as sent: its number, its {@code {"events": [...]}} body, its explicit keys, the
   * e-mails of its contacts.
   */
  public record Batch(
      int number, String json, List<String> explicitKeys, Set<String> emails, int size) {}

  /** Events per batch. */
  public int size() {
    return size;
  }

  /** Batch {@code number}. */
  public Batch batch(int number) {
    var random = new Random(number * 7919L + 17);
    var events = new ArrayList<Map<String, Object>>(size);
    var keys = new ArrayList<String>();
    var emails = new TreeSet<String>();
    for (int i = 0; i < size; i++) {
      var event = new LinkedHashMap<String, Object>();
      if (allExplicit || i % 2 == 0) {
        String key = key(number, i);
        event.put("eventKey", key);
        keys.add(key);
      }
      event.put("type", TYPES[random.nextInt(TYPES.length)]);
      // unique per event: no two events share a derived key
      event.put("occurredAt", base.plusSeconds((long) number * size + i).toString());
      String email = "c" + random.nextInt(contacts) + "@example.com";
      emails.add(email);
      event.put("contact", Map.of("email", email));
      event.put(
          "properties",
          Map.of("url", "https://ex.com/p/" + random.nextInt(20), "form", "consultation"));
      events.add(event);
    }
    try {
      return new Batch(
          number, JSON.writeValueAsString(Map.of("events", events)), keys, emails, size);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The explicit key of event {@code index} of batch {@code number}. */
  public String key(int number, int index) {
    return prefix + "-" + number + "-" + index;
  }

  /** The SQL {@code LIKE} pattern of batch {@code number}'s explicit keys. */
  public String keyPattern(int number) {
    return prefix + "-" + number + "-%";
  }
}
