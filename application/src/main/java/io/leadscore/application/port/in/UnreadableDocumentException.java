package io.leadscore.application.port.in;

/** A document whose text is not valid JSON or YAML; the message says where and why. */
public final class UnreadableDocumentException extends RuntimeException {
  public UnreadableDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
