package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.EraseContactUseCase;
import io.leadscore.application.port.in.FindContactUseCase;
import io.leadscore.application.port.in.NotFoundException;
import io.leadscore.application.port.in.UpsertContactCommand;
import io.leadscore.application.port.in.UpsertContactUseCase;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.application.port.out.Scope;
import java.util.List;

/**
 * Contacts (http-api.md, "Resources" and "Identity"): upsert by identity, read by id, look up by
 * e-mail or external id, erase. Writes need a write key.
 */
final class ContactEndpoints {
  private final UpsertContactUseCase upsert;
  private final FindContactUseCase find;
  private final EraseContactUseCase erase;
  private final RequestBodies bodies;

  ContactEndpoints(ApiUseCases useCases, RequestBodies bodies) {
    this.upsert = useCases.upsertContact();
    this.find = useCases.findContact();
    this.erase = useCases.eraseContact();
    this.bodies = bodies;
  }

  void register(Routes routes) {
    routes.addLimited(HandlerType.PUT, "/v1/contacts", Scope.WRITE, this::upsert);
    routes.add(HandlerType.GET, "/v1/contacts", Scope.READ, this::lookUp);
    routes.add(HandlerType.GET, "/v1/contacts/{id}", Scope.READ, this::get);
    routes.add(HandlerType.DELETE, "/v1/contacts/{id}", Scope.WRITE, this::erase);
  }

  private void upsert(Context ctx, Caller caller) {
    Object body = bodies.json(ctx);
    Json.respond(
        ctx,
        ContactResponse.from(upsert.upsert(new UpsertContactCommand(caller.workspace(), body))));
  }

  /** {@code ?email=} or {@code ?source=&externalId=}: a page of zero or one contact. */
  private void lookUp(Context ctx, Caller caller) {
    var params = new Params(ctx);
    String email = params.optional("email");
    String source = params.optional("source");
    String externalId = params.optional("externalId");
    ContactIdentity identity;
    if (email != null) {
      identity = new ContactIdentity.ByEmail(email);
    } else if (source != null && externalId != null) {
      identity = new ContactIdentity.ByExternalId(new ExternalId(source, externalId));
    } else {
      throw BadRequestException.at("email", "give email, or source and externalId");
    }
    params.check();
    List<ContactResponse> items;
    try {
      items = List.of(ContactResponse.from(find.find(caller.workspace(), identity)));
    } catch (NotFoundException e) {
      items = List.of();
    }
    Json.respond(ctx, Page.of(items));
  }

  private void get(Context ctx, Caller caller) {
    Json.respond(
        ctx,
        ContactResponse.from(
            find.find(caller.workspace(), new ContactIdentity.ById(ctx.pathParam("id")))));
  }

  private void erase(Context ctx, Caller caller) {
    erase.erase(caller.workspace(), ctx.pathParam("id"));
    ctx.status(204);
  }
}
