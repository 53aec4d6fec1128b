package io.leadscore.bootstrap.node;

import io.leadscore.application.port.in.ConflictException;
import io.leadscore.application.port.in.CreateWorkspaceUseCase;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestEventsUseCase;
import io.leadscore.application.port.in.PublishModelUseCase;
import io.leadscore.application.port.in.RefreshScoresUseCase;
import io.leadscore.application.port.in.RunJobsUseCase;
import io.leadscore.application.port.in.SaveModelDraftCommand;
import io.leadscore.application.port.in.SaveModelDraftUseCase;
import io.leadscore.application.port.in.UpsertContactCommand;
import io.leadscore.application.port.in.UpsertContactUseCase;
import io.leadscore.application.port.out.DocumentFormat;
import io.leadscore.application.port.out.ModelDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo workspace ({@code leadscore demo}): the sample model (examples/b2b-default.yaml),
 * published, and a generated history of contacts over the last months, sent through the same use
 * cases the API calls, then scored. Deterministic for a given seed and clock.
 */
public final class DemoData {
  /** The demo's workspace. */
  public static final String WORKSPACE = "demo";

  /** The sample model's id. */
  public static final String MODEL = "b2b-default";

  private static final String MODEL_RESOURCE = "/demo/b2b-default.yaml";
  private static final Duration HISTORY = Duration.ofDays(120);
  private static final String[] TITLES = {
    "VP of Engineering",
    "Director of IT",
    "Head of Security",
    "Founder",
    "Chief Technology Officer",
    "Software Engineer",
    "IT Manager",
    "Student",
    "Marketing Analyst",
    "Owner",
    "Consultant"
  };
  private static final String[] COMPANIES = {
    "Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Wide World Importers",
    "Adventure Works", "Litware", "Proseware", "Woodgrove Bank", "Alpine Ski House"
  };
  private static final String[] URLS = {
    "https://ex.com/blog/network-risks",
    "https://ex.com/blog/mobile-risks",
    "https://ex.com/blog/ransomware",
    "https://ex.com/pricing",
    "https://ex.com/customers"
  };

  private final Node node;
  private final Clock clock;

  public DemoData(Node node, Clock clock) {
    this.node = node;
    this.clock = clock;
  }

  /**
   * Creates the demo workspace; true when it is new (then {@link #seed} fills it), false when an
   * earlier run made it.
   */
  public boolean createWorkspace() {
    try {
      node.get(CreateWorkspaceUseCase.class).create(WORKSPACE, "Demo");
      return true;
    } catch (ConflictException exists) {
      return false;
    }
  }

  /**
   * Publishes the sample model, generates {@code contacts} contacts with their histories, and
   * scores them all; returns how many events were stored.
   */
  public long seed(int contacts, long seed) {
    var saveDraft = node.get(SaveModelDraftUseCase.class);
    saveDraft.save(new SaveModelDraftCommand(WORKSPACE, MODEL, sampleModel()));
    node.get(PublishModelUseCase.class).publishDraft(WORKSPACE, MODEL);
    var random = new Random(seed);
    var upsert = node.get(UpsertContactUseCase.class);
    var ingest = node.get(IngestEventsUseCase.class);
    Instant now = clock.instant();
    List<Object> batch = new ArrayList<>();
    long stored = 0;
    for (int i = 0; i < contacts; i++) {
      String email =
          "contact"
              + i
              + "@"
              + COMPANIES[i % COMPANIES.length].toLowerCase().replace(' ', '-')
              + ".example";
      upsert.upsert(new UpsertContactCommand(WORKSPACE, contact(email, random)));
      for (Map<String, Object> event : history(email, random, now)) {
        batch.add(event);
        if (batch.size() == IngestEventsUseCase.MAX_BATCH) {
          stored += ingest.ingest(new IngestEventsCommand(WORKSPACE, "demo", batch)).accepted();
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      stored += ingest.ingest(new IngestEventsCommand(WORKSPACE, "demo", batch)).accepted();
    }
    var jobs = node.get(RunJobsUseCase.class);
    while (jobs.runNext()) {
      // the publish's re-score, run here so the leaderboard is full when the server starts
    }
    var refresh = node.get(RefreshScoresUseCase.class);
    while (refresh.refresh(1000) > 0) {
      // scores marked by the generated events
    }
    return stored;
  }

  private static Map<String, Object> contact(String email, Random random) {
    var attributes = new LinkedHashMap<String, Object>();
    attributes.put("title", TITLES[random.nextInt(TITLES.length)]);
    attributes.put("company", COMPANIES[random.nextInt(COMPANIES.length)]);
    attributes.put("company_size", 10 + random.nextInt(5000));
    var body = new LinkedHashMap<String, Object>();
    body.put("email", email);
    body.put("attributes", attributes);
    body.put(
        "tags", random.nextInt(5) == 0 ? List.of("active-2013-prospect") : List.of("newsletter"));
    return body;
  }

  /** Opens, clicks, page views and the odd form or unsubscribe; engaged contacts do more. */
  private static List<Map<String, Object>> history(String email, Random random, Instant now) {
    int activity = (int) Math.round(Math.pow(random.nextDouble(), 3) * 60);
    var events = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < activity; i++) {
      Instant at = now.minusSeconds((long) (random.nextDouble() * HISTORY.toSeconds()));
      int kind = random.nextInt(100);
      if (kind < 45) {
        events.add(
            event(
                "email.opened", at, email, Map.of("campaign", "newsletter-" + random.nextInt(8))));
      } else if (kind < 75) {
        events.add(
            event("email.clicked", at, email, Map.of("url", URLS[random.nextInt(URLS.length)])));
      } else if (kind < 95) {
        events.add(
            event("page.viewed", at, email, Map.of("url", URLS[random.nextInt(URLS.length)])));
      } else if (kind < 98) {
        events.add(
            event(
                "form.submitted",
                at,
                email,
                Map.of("form", random.nextBoolean() ? "consultation" : "newsletter")));
      } else {
        events.add(event("email.unsubscribed", at, email, Map.of()));
      }
    }
    return events;
  }

  private static Map<String, Object> event(
      String type, Instant at, String email, Map<String, Object> properties) {
    var event = new LinkedHashMap<String, Object>();
    event.put("type", type);
    event.put("occurredAt", at.toString());
    event.put("contact", Map.of("email", email));
    event.put("properties", properties);
    return event;
  }

  private static ModelDocument sampleModel() {
    try (InputStream in = DemoData.class.getResourceAsStream(MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the sample model is missing from the jar: " + MODEL_RESOURCE);
      }
      return new ModelDocument(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), DocumentFormat.YAML);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
