package io.leadscore.application.fake;

import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.vendor.HookOutcome;
import io.leadscore.application.port.out.vendor.HookRequest;
import io.leadscore.application.port.out.vendor.Page;
import io.leadscore.application.port.out.vendor.ScoreWriteBack;
import io.leadscore.application.port.out.vendor.SourceConfig;
import io.leadscore.application.port.out.vendor.VendorConnector;
import io.leadscore.application.port.out.vendor.VendorConnectorFactory;
import io.leadscore.application.port.out.vendor.VendorContact;
import io.leadscore.application.port.out.vendor.VendorEvent;
import io.leadscore.application.port.out.vendor.VendorRejectedException;
import io.leadscore.application.port.out.vendor.VendorUnavailableException;
import io.leadscore.domain.reading.Problem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A scripted vendor of kind {@value #KIND} for tests: serves its pages in order (page {@code k} is
 * pulled after cursor {@code p<k-1>} and ends at cursor {@code p<k>}; after the last page, empty
 * pages that keep the cursor), can be told to fail at a page, records every pull and write-back,
 * and reads inbound hooks of the form {@code type=..&email=..&at=<ISO instant>[&key=..]} ({@code
 * GET} answers the ping with {@code ok}). Pages can be added while a test runs (new vendor data).
 *
 * <p>Settings: {@code apiKey} (required, secret), {@code baseUrl} (optional). Thread-safe.
 */
public final class FakeVendor implements VendorConnectorFactory {
  /** The kind of source this vendor serves. */
  public static final String KIND = "fake";

  /** The contents of one scripted page. */
  public record Script(List<VendorContact> contacts, List<VendorEvent> events) {
    public Script {
      contacts = List.copyOf(contacts);
      events = List.copyOf(events);
    }
  }

  private final List<Script> pages = new CopyOnWriteArrayList<>();
  private final List<String> pulls = new CopyOnWriteArrayList<>();
  private final List<ScoreWriteBack> writtenBack = new CopyOnWriteArrayList<>();
  private final List<SourceConfig> connected = new CopyOnWriteArrayList<>();
  private volatile int failAtPage;
  private volatile Supplier<RuntimeException> failure;

  /** A vendor with the standard script: 3 pages of 2 contacts, each with 2 events. */
  public FakeVendor() {
    this(standardScript(3, 2));
  }

  public FakeVendor(List<Script> pages) {
    this.pages.addAll(pages);
  }

  /**
   * {@code pageCount} pages of {@code perPage} new contacts ({@code m<page>-<n>@example.com},
   * external id {@code fake/m<page>-<n>}), each with an {@code email.opened} and an {@code
   * email.clicked} event keyed by the vendor.
   */
  public static List<Script> standardScript(int pageCount, int perPage) {
    var script = new ArrayList<Script>();
    for (int page = 1; page <= pageCount; page++) {
      script.add(page(page, perPage));
    }
    return script;
  }

  /** Page {@code page} of the standard script. */
  public static Script page(int page, int perPage) {
    var contacts = new ArrayList<VendorContact>();
    var events = new ArrayList<VendorEvent>();
    for (int n = 1; n <= perPage; n++) {
      String member = "m" + page + "-" + n;
      var external = new ExternalId(KIND, member);
      contacts.add(
          new VendorContact(
              external,
              member + "@example.com",
              Map.of("first_name", "Member " + member, "mc_member_rating", page),
              List.of("newsletter"),
              List.of()));
      Instant at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(page * 3600L + n);
      for (String type : List.of("email.opened", "email.clicked")) {
        events.add(
            new VendorEvent(
                KIND + ":" + member + ":" + type,
                type,
                at,
                new ContactIdentity.ByExternalId(external),
                Map.of("source", KIND, "campaign", "c" + page)));
      }
    }
    return new Script(contacts, events);
  }

  /** Adds a page at the end (data the vendor got since). */
  public FakeVendor append(Script page) {
    pages.add(page);
    return this;
  }

  /** Makes every pull of page {@code page} (1-based) throw, until {@link #heal()}. */
  public FakeVendor failAt(int page, Supplier<RuntimeException> failure) {
    this.failure = failure;
    this.failAtPage = page;
    return this;
  }

  /** Makes page {@code page} fail as unavailable (a 503 after the module's retries). */
  public FakeVendor unavailableAt(int page) {
    return failAt(page, () -> new VendorUnavailableException("HTTP 503 after 3 tries", null, null));
  }

  /** Stops failing. */
  public FakeVendor heal() {
    failAtPage = 0;
    return this;
  }

  /** The cursors pulled after, in order (null for a first sync). */
  public List<String> pulls() {
    return java.util.Collections.unmodifiableList(new ArrayList<>(pulls));
  }

  /** The score changes written back, in order. */
  public List<ScoreWriteBack> writtenBack() {
    return List.copyOf(writtenBack);
  }

  /** The configurations connectors were made from, in order. */
  public List<SourceConfig> connected() {
    return List.copyOf(connected);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<Problem> checkSettings(Map<String, Object> settings) {
    var problems = new ArrayList<Problem>();
    if (!(settings.get("apiKey") instanceof String key && !key.isBlank())) {
      problems.add(
          new Problem(
              "apiKey",
              settings.containsKey("apiKey") ? "must be a non-empty string" : "required"));
    }
    if (settings.containsKey("baseUrl")
        && !(settings.get("baseUrl") instanceof String url && url.startsWith("http"))) {
      problems.add(new Problem("baseUrl", "must be an http or https URL"));
    }
    for (String key : settings.keySet()) {
      if (!key.equals("apiKey") && !key.equals("baseUrl")) {
        problems.add(new Problem(key, "unknown key"));
      }
    }
    return problems;
  }

  @Override
  public Set<String> secretSettings() {
    return Set.of("apiKey");
  }

  @Override
  public VendorConnector connect(SourceConfig source) {
    connected.add(source);
    return new VendorConnector() {
      @Override
      public Page pull(String cursor) {
        pulls.add(cursor);
        int after = cursor == null ? 0 : Integer.parseInt(cursor.substring(1));
        int number = after + 1;
        if (number == failAtPage) {
          throw failure.get();
        }
        if (number > pages.size()) {
          return new Page(List.of(), List.of(), "p" + after, false);
        }
        Script script = pages.get(number - 1);
        return new Page(script.contacts(), script.events(), "p" + number, number < pages.size());
      }

      @Override
      public HookOutcome parseHook(HookRequest request) {
        if (request.method().equals("GET")) {
          return new HookOutcome.Reply("text/plain", "ok");
        }
        Map<String, String> form = form(request.bodyText());
        if (!form.containsKey("type") || !form.containsKey("email") || !form.containsKey("at")) {
          throw new VendorRejectedException("a delivery needs type, email and at");
        }
        Instant at;
        try {
          at = Instant.parse(form.get("at"));
        } catch (DateTimeParseException e) {
          throw new VendorRejectedException("at: not an ISO-8601 instant", e);
        }
        String email = form.get("email");
        var event =
            new VendorEvent(
                form.get("key"),
                form.get("type"),
                at,
                new ContactIdentity.ByEmail(email),
                Map.of("source", KIND));
        var contact = VendorContact.of(new ExternalId(KIND, "hook-" + email), email, Map.of());
        return new HookOutcome.Changes(List.of(contact), List.of(event));
      }

      @Override
      public void writeBack(ScoreWriteBack change) {
        writtenBack.add(change);
      }
    };
  }

  private static Map<String, String> form(String body) {
    var form = new HashMap<String, String>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
