package io.leadscore.application.job;

import io.leadscore.application.ingest.EventBatch;
import io.leadscore.application.ingest.RandomIds;
import io.leadscore.application.ingest.VendorData;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.Job;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.vendor.Page;
import io.leadscore.application.port.out.vendor.SourceConfig;
import io.leadscore.application.port.out.vendor.VendorConnector;
import io.leadscore.application.port.out.vendor.VendorConnectorFactory;
import io.leadscore.application.port.out.vendor.VendorRejectedException;
import io.leadscore.application.port.out.vendor.VendorUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs {@code sync} jobs (http-api.md, "Sources"; quality.md, "sync-crash"): pulls the job's source
 * page by page from its stored cursor and stores each page in one transaction: contacts merged,
 * events appended once per key (the keys API ingest derives), contacts marked for refresh, and the
 * cursor moved, by compare-and-set, to the page's next cursor. The cursor therefore moves only with
 * the data it follows: a sync killed at any point re-fetches at most the page it was storing, and a
 * re-run stores nothing twice.
 *
 * <p>After each page the job reports progress ({@code done} pages of {@code total}, the pages known
 * so far), counts ({@code pages, contacts, events, duplicates, rejected}) and each refused contact
 * or event with its reason. A vendor failure ({@link VendorUnavailableException}: the vendor module
 * retried already; {@link VendorRejectedException}) fails the job with a message saying which page,
 * keeping the pages stored; the next sync resumes after them. A cursor moved by another sync of the
 * same source at the same time fails this one. Thread-safe.
 */
public final class SyncJobHandler implements JobHandler {
  /** The job kind that syncs a source; the job's subject is the source's id. */
  public static final String KIND = "sync";

  private final Transactions transactions;
  private final SourceRepository sources;
  private final VendorData vendorData;
  private final Map<String, VendorConnectorFactory> factories;
  private final Clock clock;

  public SyncJobHandler(
      Transactions transactions,
      SourceRepository sources,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue refreshQueue,
      Map<String, VendorConnectorFactory> factories,
      Clock clock) {
    this.transactions = transactions;
    this.sources = sources;
    this.vendorData =
        new VendorData(
            transactions,
            contacts,
            new EventBatch(contacts, events, refreshQueue, RandomIds::contactId),
            refreshQueue,
            RandomIds::contactId);
    this.factories = Map.copyOf(factories);
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Running totals of one sync. */
  private static final class Tally {
    long pages;
    long contacts;
    long events;
    long duplicates;
    long rejected;

    Map<String, Long> counts() {
      var counts = new LinkedHashMap<String, Long>();
      counts.put("pages", pages);
      counts.put("contacts", contacts);
      counts.put("events", events);
      counts.put("duplicates", duplicates);
      counts.put("rejected", rejected);
      return counts;
    }
  }

  @Override
  public void run(Job job, Progress progress) {
    Source source =
        sources
            .find(job.workspace(), job.subject())
            .orElseThrow(() -> new NotFoundException("source", job.subject()));
    VendorConnector connector = connector(source);
    var tally = new Tally();
    String cursor = source.cursor();
    boolean more = true;
    while (more) {
      Page page = pull(connector, cursor, tally, progress);
      if (page.more() && page.nextCursor().equals(cursor)) {
        throw new VendorRejectedException(
            "page " + (tally.pages + 1) + ": the vendor module returned the same cursor again");
      }
      List<String> errors = store(source, cursor, page, tally, clock.instant());
      cursor = page.nextCursor();
      more = page.more();
      if (!progress.report(tally.pages, tally.pages + (more ? 1 : 0), tally.counts(), errors)) {
        return; // the lease was lost: another node runs this job now
      }
    }
  }

  private VendorConnector connector(Source source) {
    VendorConnectorFactory factory = factories.get(source.kind());
    if (factory == null) {
      throw new IllegalStateException(
          "no vendor module for kind "
              + source.kind()
              + "; known kinds: "
              + factories.keySet().stream().sorted().toList());
    }
    return factory.connect(
        new SourceConfig(
            source.id(), source.workspace(), source.kind(), source.settings(), source.writeBack()));
  }

  private static Page pull(
      VendorConnector connector, String cursor, Tally tally, Progress progress) {
    long pageNumber = tally.pages + 1;
    try {
      return Objects.requireNonNull(connector.pull(cursor), "page");
    } catch (VendorUnavailableException e) {
      progress.report(
          tally.pages,
          tally.pages,
          tally.counts(),
          List.of(
              "page "
                  + pageNumber
                  + ": vendor unavailable"
                  + e.retryAfter().map(wait -> " (retry after " + wait + ")").orElse("")
                  + ": "
                  + e.getMessage()
                  + "; the next sync resumes after page "
                  + tally.pages));
      throw e;
    } catch (VendorRejectedException e) {
      progress.report(
          tally.pages,
          tally.pages,
          tally.counts(),
          List.of("page " + pageNumber + ": vendor rejected the request: " + e.getMessage()));
      throw e;
    }
  }

  /** Stores one page and moves the cursor in one transaction; returns the page's errors. */
  private List<String> store(Source source, String cursor, Page page, Tally tally, Instant now) {
    long pageNumber = tally.pages + 1;
    VendorData.Checked checked = VendorData.check(source.id(), page.contacts(), page.events());
    VendorData.Stored stored =
        transactions.inTransaction(
            () -> {
              VendorData.Stored result =
                  vendorData.store(source.workspace(), source.id(), checked, now);
              if (!sources.advanceCursor(
                  source.workspace(), source.id(), cursor, page.nextCursor())) {
                throw new IllegalStateException(
                    "page "
                        + pageNumber
                        + ": another sync of source "
                        + source.id()
                        + " moved its cursor; this one stops");
              }
              return result;
            });
    tally.pages++;
    tally.contacts += stored.contacts();
    tally.events += stored.accepted();
    tally.duplicates += stored.duplicates();
    tally.rejected +=
        checked.rejectedEvents().size() + checked.rejectedContacts() + stored.errors().size();
    var errors = new ArrayList<String>();
    checked.errors().forEach(error -> errors.add("page " + pageNumber + ", " + error));
    stored.errors().forEach(error -> errors.add("page " + pageNumber + ", " + error));
    return errors;
  }
}
