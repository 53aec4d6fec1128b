package io.leadscore.application.service;

import io.leadscore.application.fake.Application;
import io.leadscore.application.fake.InMemoryDatabase;
import io.leadscore.application.fake.MutableClock;
import io.leadscore.application.fake.ScriptedWebhookSender;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.ModelDocument;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A workspace with a small web model on in-memory fakes, for the use-case tests. */
final class Scenario {
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final String WS = "acme";
  static final String MODEL = "web";

  /** Clicks 10 points (half-life 30 days), demo requests 60; cold, warm from 30, hot from 60. */
  static final String WEB_MODEL =
      """
      id: web
      name: Web
      fit:
        - id: director
          points: 20
          when: { field: title, contains: director }
      engagement:
        - id: click
          points: %s
          on: email.clicked
          decay: { halfLife: P30D }
        - id: demo
          points: 60
          on: demo.requested
      topics:
        - id: pricing
          on: page.viewed
          where: { field: url, contains: /pricing }
          interestedAt: 2
      tiers:
        - { id: cold, from: 0 }
        - { id: warm, from: 30 }
        - { id: hot, from: 60 }
      grades:
        - { id: C, from: -1000 }
        - { id: B, from: 10 }
        - { id: A, from: 20 }
      """;

  final InMemoryDatabase db = new InMemoryDatabase();
  final MutableClock clock = new MutableClock(START);
  final ScriptedWebhookSender sender = new ScriptedWebhookSender();
  final Application app = Application.inMemory(db, clock, sender);

  static ModelDocument webModel(int clickPoints) {
    return new ModelDocument(WEB_MODEL.formatted(clickPoints), DocumentFormat.YAML);
  }

  /** Saves the web model (clicks worth {@code clickPoints}) as draft and publishes it. */
  Scenario published(int clickPoints) {
    app.saveDraft.save(new SaveModelDraftCommand(WS, MODEL, webModel(clickPoints)));
    app.publish.publishDraft(WS, MODEL);
    app.runAllJobs();
    return this;
  }

  static Map<String, Object> event(String key, String type, String at, Map<String, ?> contact) {
    var event = new LinkedHashMap<String, Object>();
    if (key != null) {
      event.put("eventKey", key);
    }
    event.put("type", type);
    event.put("occurredAt", at);
    event.put("contact", contact);
    return event;
  }

  static Map<String, Object> click(String key, String email, String at) {
    return event(key, "email.clicked", at, Map.of("email", email));
  }

  IngestResult ingest(Object... events) {
    return app.ingest.ingest(new IngestEventsCommand(WS, "api", List.of(events)));
  }
}
