package io.leadscore.domain.reading;

import io.leadscore.domain.contact.Contact;

/**
 * STUB (cli branch only, so that bootstrap compiles): the real reader is being written on another
 * branch and replaces this file when main is merged. Reads a contact ({@code attributes, tags})
 * from a generic tree.
 */
public final class ContactReader {
  private ContactReader() {}

  /** Reads a contact from {@code {"attributes": {...}, "tags": [...]}}. */
  public static Read<Contact> read(Object tree) {
    throw new UnsupportedOperationException("stub: being implemented");
  }
}
