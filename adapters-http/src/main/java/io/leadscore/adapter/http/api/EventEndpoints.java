package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.IngestEventsCommand;
import io.leadscore.application.port.in.IngestEventsUseCase;
import io.leadscore.application.port.in.IngestResult;
import io.leadscore.application.port.in.InvalidInputException;
import io.leadscore.application.port.out.Scope;
import io.leadscore.domain.reading.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/events} (http-api.md, "Identity and idempotency"): one event, or {@code {
 * "events": [...] }} of up to 1000. A batch answers 200 with {@code accepted}, {@code duplicates}
 * and {@code rejected} by index once the valid events are committed; a single event that is invalid
 * is a 422 with its problems. Needs a write key; counts against the concurrent-writes limit.
 */
final class EventEndpoints {
  /** The source recorded for events sent to the API. */
  static final String SOURCE = "api";

  private final IngestEventsUseCase ingest;
  private final RequestBodies bodies;
  private final ApiMetrics metrics;

  EventEndpoints(ApiUseCases useCases, RequestBodies bodies, ApiMetrics metrics) {
    this.ingest = useCases.ingest();
    this.bodies = bodies;
    this.metrics = metrics;
  }

  void register(Routes routes) {
    routes.addLimited(HandlerType.POST, "/v1/events", Scope.WRITE, this::post);
  }

  private void post(Context ctx, Caller caller) {
    Object body = bodies.json(ctx);
    if (body == null) {
      // a JSON null: List.of(null) below would throw
      throw InvalidInputException.at("", "must be an event object or {\"events\": [...]}");
    }
    if (body instanceof Map<?, ?> map && map.containsKey("events")) {
      if (!(map.get("events") instanceof List<?> events)) {
        throw InvalidInputException.at("events", "must be an array of events");
      }
      if (map.size() > 1) {
        throw InvalidInputException.at("", "a batch has only the key events");
      }
      var nulls = new ArrayList<Problem>();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i) == null) {
          // the command cannot carry a null; refused as a whole, nothing half-written
          nulls.add(new Problem("events[" + i + "]", "must be an event object, not null"));
        }
      }
      if (!nulls.isEmpty()) {
        throw new InvalidInputException("the batch holds null events", nulls);
      }
      Json.respond(ctx, store(caller, events));
      return;
    }
    IngestResult result = store(caller, List.of(body));
    if (!result.rejected().isEmpty()) {
      throw new InvalidInputException("the event is invalid", result.rejected().get(0).errors());
    }
    Json.respond(ctx, result);
  }

  private IngestResult store(Caller caller, List<?> events) {
    IngestResult result =
        ingest.ingest(new IngestEventsCommand(caller.workspace(), SOURCE, events));
    metrics.eventsIngested(result.accepted(), result.duplicates(), result.rejected().size());
    return result;
  }
}
