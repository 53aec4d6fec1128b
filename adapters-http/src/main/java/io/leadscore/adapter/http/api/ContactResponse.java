package io.leadscore.adapter.http.api;

import io.leadscore.application.port.out.ContactRecord;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.domain.model.condition.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A contact as the API shows it: identity, attributes (flattened, dotted names), tags. */
public record ContactResponse(
    String id,
    String email,
    List<ExternalId> externalIds,
    Map<String, Object> attributes,
    List<String> tags,
    Instant createdAt,
    Instant updatedAt) {

  static ContactResponse from(ContactRecord contact) {
    var attributes = new TreeMap<String, Object>();
    contact.profile().attributes().forEach((name, value) -> attributes.put(name, plain(value)));
    return new ContactResponse(
        contact.id(),
        contact.email(),
        contact.externalIds(),
        attributes,
        List.copyOf(new TreeSet<>(contact.profile().tags())),
        contact.createdAt(),
        contact.updatedAt());
  }

  private static Object plain(Value value) {
    return switch (value) {
      case Value.Text(String text) -> text;
      case Value.Number(double number) ->
          number == Math.rint(number) && Math.abs(number) < 1e15 ? (Object) (long) number : number;
      case Value.Bool(boolean bool) -> bool;
      case Value.Many(List<Value.Scalar> values) ->
          values.stream().map(ContactResponse::plain).toList();
    };
  }
}
