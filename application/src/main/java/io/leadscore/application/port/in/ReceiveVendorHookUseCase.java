package io.leadscore.application.port.in;

/**
 * Receives an inbound vendor webhook (http-api.md, {@code /v1/hooks/{sourceId}}): checks the
 * source's hook secret (its SHA-256 compared in constant time), lets the source's vendor module
 * read the delivery, and stores its contacts and events through the same idempotent path as API
 * ingest and syncs, in one transaction: a delivery sent again stores nothing new.
 *
 * @throws UnauthenticatedException when the source is unknown or the secret missing or wrong (the
 *     message does not say which)
 * @throws InvalidInputException when the vendor module cannot read the delivery; nothing is stored
 */
public interface ReceiveVendorHookUseCase {
  VendorHookResult receive(VendorHookCommand command);
}
