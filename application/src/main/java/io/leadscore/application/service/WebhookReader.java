package io.leadscore.application.service;

import io.leadscore.application.egress.EgressPolicy;
import io.leadscore.application.port.out.Notification;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.StoredText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a webhook subscription request from a generic tree, collecting every problem with its path.
 * Stateless.
 */
final class WebhookReader {
  static final int MAX_URL = 2048;
  static final int MAX_DESCRIPTION = 500;
  private static final Set<String> KEYS = Set.of("url", "types", "description");

  private WebhookReader() {}

  /** A valid request. */
  record Request(String url, List<String> types, String description) {}

  /** The request, or null with {@code problems} filled in. */
  static Request read(Object body, EgressPolicy egress, List<Problem> problems) {
    if (!(body instanceof Map<?, ?> map)) {
      problems.add(new Problem("", "must be an object with url and types"));
      return null;
    }
    for (Object key : map.keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(new Problem(String.valueOf(key), "unknown key"));
      }
    }
    String url = url(map.get("url"), egress, problems);
    List<String> types = types(map.get("types"), problems);
    String description = description(map.get("description"), problems);
    return problems.isEmpty() ? new Request(url, types, description) : null;
  }

  private static String url(Object value, EgressPolicy egress, List<Problem> problems) {
    if (value == null) {
      problems.add(new Problem("url", "required"));
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(new Problem("url", "must be a string"));
      return null;
    }
    if (text.length() > MAX_URL) {
      problems.add(new Problem("url", "must be at most " + MAX_URL + " characters"));
      return null;
    }
    if (StoredText.problem(text).isPresent()) {
      problems.add(new Problem("url", StoredText.problem(text).get()));
      return null;
    }
    // scheme, host form and addresses: the one egress policy every outbound call obeys
    egress.checkUrl(text).ifPresent(reason -> problems.add(new Problem("url", reason)));
    return text;
  }

  private static List<String> types(Object value, List<Problem> problems) {
    if (value == null) {
      problems.add(new Problem("types", "required"));
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add(new Problem("types", "must be a list of notification types"));
      return List.of();
    }
    if (list.isEmpty()) {
      problems.add(new Problem("types", "must name at least one of " + Notification.TYPES));
    }
    var types = new LinkedHashSet<String>();
    for (int i = 0; i < list.size(); i++) {
      String path = "types[" + i + "]";
      Object item = list.get(i);
      if (!(item instanceof String type)) {
        problems.add(new Problem(path, "must be a string"));
      } else if (!Notification.TYPES.contains(type)) {
        problems.add(new Problem(path, "unknown type, expected one of " + Notification.TYPES));
      } else if (!types.add(type)) {
        problems.add(new Problem(path, "duplicate of an earlier type"));
      }
    }
    return new ArrayList<>(types);
  }

  private static String description(Object value, List<Problem> problems) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(new Problem("description", "must be a string"));
      return null;
    }
    if (text.length() > MAX_DESCRIPTION) {
      problems.add(
          new Problem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    StoredText.problem(text)
        .ifPresent(message -> problems.add(new Problem("description", message)));
    return text;
  }
}
