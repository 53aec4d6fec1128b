package io.leadscore.application.port.out.vendor;

/**
 * One source's connection to its vendor: pulls contacts and engagement events page by page after an
 * opaque cursor; optionally parses the vendor's inbound webhooks and writes scores back.
 *
 * <p>Pulling: the application calls {@link #pull} with the cursor it stored after the last page it
 * committed (null for a source's first sync), stores the page's contacts and events, and in the
 * same transaction stores {@link Page#nextCursor()}; it calls again while {@link Page#more()}. A
 * crash between pages repeats at most the page after the stored cursor, so a page must be
 * reproducible from its cursor, and each event must carry the same {@code eventKey} every time it
 * is read (vendors.md, C0.1): the store then keeps it once. The cursor is the vendor module's own
 * (offsets, high-water marks, several of them joined): the application never reads it.
 *
 * <p>Failures: retry what is retryable inside the module (honouring {@code Retry-After}); when
 * giving up, throw {@link VendorUnavailableException}; throw {@link VendorRejectedException} for
 * what retrying cannot fix (bad credentials, a 4xx, a malformed body). The sync then fails with the
 * message, keeping the pages already stored; the next sync resumes after them.
 *
 * <p>Instances are made per sync or per webhook and used by one thread at a time.
 */
public interface VendorConnector {
  /**
   * The page after {@code cursor}.
   *
   * @param cursor the {@link Page#nextCursor()} of the last page stored, or null for the first sync
   *     of the source (a backfill, bounded as the vendor module's settings say)
   * @throws VendorUnavailableException when the vendor could not be reached or kept failing
   * @throws VendorRejectedException when the vendor refused the request or answered nonsense
   */
  Page pull(String cursor);

  /**
   * Reads one inbound webhook delivery ({@code POST /v1/hooks/{sourceId}}, already authenticated by
   * the source's secret) into contact changes and events, or the answer to the vendor's validation
   * ping ({@code GET}). Events should carry the same keys the pull path gives the same facts. The
   * default takes no webhooks.
   *
   * @throws VendorRejectedException when the delivery is malformed or not for this source
   */
  default HookOutcome parseHook(HookRequest request) {
    throw new VendorRejectedException("this vendor takes no inbound webhooks");
  }

  /**
   * Writes a contact's new score and tier back to the vendor (a tag, a merge field), as the
   * source's {@code writeBack} settings ask. The default writes nothing back.
   *
   * @throws VendorUnavailableException when the vendor could not be reached or kept failing
   * @throws VendorRejectedException when the vendor refused the change
   */
  default void writeBack(ScoreWriteBack change) {
    throw new VendorRejectedException("this vendor takes no score write-back");
  }
}
