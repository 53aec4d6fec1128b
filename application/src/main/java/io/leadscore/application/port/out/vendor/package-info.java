/**
 * The published vendor port: what a module {@code adapters-<vendor>} implements to connect one
 * marketing or CRM vendor (style.md, "Adding a vendor"; vendors.md for Mailchimp and Ontraport).
 *
 * <p>A vendor module implements {@link
 * io.leadscore.application.port.out.vendor.VendorConnectorFactory} (validates a source's settings,
 * names its secret ones, makes connectors without I/O) and {@link
 * io.leadscore.application.port.out.vendor.VendorConnector} (pulls contacts and engagement events
 * after an opaque cursor, one page at a time; optionally parses inbound webhooks and writes scores
 * back), and names its factory in {@code
 * META-INF/services/io.leadscore.application.port.out.vendor.VendorConnectorFactory}.
 *
 * <p>The application owns everything around the vendor's data: cursors (stored only in the same
 * transaction as the page they follow), idempotency (events are stored once per {@code eventKey}),
 * validation of every contact and event (a bad one is reported, not stored, and does not stop the
 * sync), progress and the job record. A vendor module therefore keeps no state between calls but
 * its HTTP client, does its own retries, rate limiting and circuit breaking (resilience4j), and
 * signals failure only with {@link
 * io.leadscore.application.port.out.vendor.VendorUnavailableException} (retryable) or {@link
 * io.leadscore.application.port.out.vendor.VendorRejectedException} (not).
 *
 * <p>Types here use only the JDK, {@code io.leadscore.domain} and {@code port.out} value types;
 * vendor modules never see {@code port.in}, services, other adapters or Guice.
 */
package io.leadscore.application.port.out.vendor;
