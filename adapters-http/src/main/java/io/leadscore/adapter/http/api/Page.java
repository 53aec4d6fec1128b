package io.leadscore.adapter.http.api;

import java.util.List;

/**
 * A page of a list (http-api.md, "Pagination"): {@code { "items": [...], "next": "<cursor or null>"
 * }}; {@code next} is opaque and passed back as {@code ?cursor=}.
 */
public record Page<T>(List<T> items, String next) {
  public Page {
    items = List.copyOf(items);
  }

  /** A whole list in one page. */
  public static <T> Page<T> of(List<T> items) {
    return new Page<>(items, null);
  }
}
