package io.leadscore.application.service;

import io.leadscore.application.ingest.VendorData;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.in.ReceiveVendorHookUseCase;
import io.leadscore.application.port.in.UnauthenticatedException;
import io.leadscore.application.port.in.VendorHookCommand;
import io.leadscore.application.port.in.VendorHookResult;
import io.leadscore.application.port.out.ContactRepository;
import io.leadscore.application.port.out.EventStore;
import io.leadscore.application.port.out.ScoreRefreshQueue;
import io.leadscore.application.port.out.Source;
import io.leadscore.application.port.out.SourceRepository;
import io.leadscore.application.port.out.Transactions;
import io.leadscore.application.port.out.vendor.HookOutcome;
import io.leadscore.application.port.out.vendor.HookRequest;
import io.leadscore.application.port.out.vendor.SourceConfig;
import io.leadscore.application.port.out.vendor.VendorConnectorFactory;
import io.leadscore.application.port.out.vendor.VendorRejectedException;
import io.leadscore.domain.reading.Problem;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Receives inbound vendor webhooks (see {@link ReceiveVendorHookUseCase}). The secret's SHA-256 is
 * compared with the stored one by {@link MessageDigest#isEqual} (constant time), and an unknown
 * source costs the same hash and comparison, so neither the answer nor its timing tells whether a
 * source id exists. The delivery is then read by the source's vendor module and stored in one
 * transaction through {@link VendorData}, with the source's id as the events' source.
 */
public final class ReceiveVendorHookService implements ReceiveVendorHookUseCase {
  private static final byte[] NO_SOURCE = new byte[32];

  private final Transactions transactions;
  private final SourceRepository sources;
  private final VendorData vendorData;
  private final Map<String, VendorConnectorFactory> factories;
  private final Clock clock;

  public ReceiveVendorHookService(
      Transactions transactions,
      SourceRepository sources,
      ContactRepository contacts,
      EventStore events,
      ScoreRefreshQueue refreshQueue,
      Map<String, VendorConnectorFactory> factories,
      Clock clock) {
    this.transactions = transactions;
    this.sources = sources;
    this.vendorData = VendorData.on(transactions, contacts, events, refreshQueue);
    this.factories = Map.copyOf(factories);
    this.clock = clock;
  }

  @Override
  public VendorHookResult receive(VendorHookCommand command) {
    // the secret first: the body is read only for a caller who has it
    Source source = authenticate(command);
    VendorConnectorFactory factory = factories.get(source.kind());
    if (factory == null) {
      throw new IllegalStateException("no vendor module for kind " + source.kind());
    }
    HookOutcome outcome;
    try {
      outcome =
          factory
              .connect(
                  new SourceConfig(
                      source.id(),
                      source.workspace(),
                      source.kind(),
                      source.settings(),
                      source.writeBack()))
              .parseHook(
                  new HookRequest(
                      command.method(),
                      command.contentType(),
                      command.headers(),
                      command.query(),
                      command.body().read()));
    } catch (VendorRejectedException e) {
      throw new InvalidInputException(
          "unreadable webhook delivery", List.of(new Problem("", e.getMessage())));
    }
    return switch (outcome) {
      case HookOutcome.Reply(String contentType, String body) ->
          new VendorHookResult.Reply(contentType, body);
      case HookOutcome.Changes changes -> store(source, changes);
    };
  }

  private Source authenticate(VendorHookCommand command) {
    Optional<Source> source = sources.findById(command.sourceId());
    byte[] expected =
        source.map(found -> HexFormat.of().parseHex(found.hookSecretHash())).orElse(NO_SOURCE);
    String secret = command.secret() == null ? "" : command.secret();
    byte[] given = HexFormat.of().parseHex(ConfigureSourceService.hash(secret));
    if (!MessageDigest.isEqual(expected, given) || source.isEmpty() || command.secret() == null) {
      throw new UnauthenticatedException("missing or invalid hook secret");
    }
    return source.get();
  }

  private VendorHookResult store(Source source, HookOutcome.Changes changes) {
    VendorData.Checked checked =
        VendorData.check(source.id(), changes.contacts(), changes.events());
    VendorData.Stored stored =
        io.leadscore.application.ingest.EventBatch.inTransactionRetryingErasures(
            transactions,
            () -> vendorData.store(source.workspace(), source.id(), checked, clock.instant()));
    var errors = new java.util.ArrayList<String>();
    errors.addAll(checked.contactErrors());
    errors.addAll(stored.errors());
    return new VendorHookResult.Stored(
        stored.contacts(),
        stored.accepted(),
        stored.duplicates(),
        checked.rejectedEvents(),
        errors);
  }
}
