package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.leadscore.application.port.in.Caller;

/** A route's handler, given the authenticated caller (null on a route without a key). */
@FunctionalInterface
public interface CallerHandler {
  void handle(Context ctx, Caller caller) throws Exception;
}
