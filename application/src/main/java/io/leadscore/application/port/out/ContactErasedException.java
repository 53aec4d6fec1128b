package io.leadscore.application.port.out;

/**
 * A contact was erased while this transaction was writing for it (found before the erase, locked
 * after it): the transaction must roll back and may run again, when the identity resolves to a new
 * contact. Thrown by {@link ContactRepository#resolve}; retried by the use cases that ingest.
 */
public final class ContactErasedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ContactErasedException(String message) {
    super(message);
  }
}
