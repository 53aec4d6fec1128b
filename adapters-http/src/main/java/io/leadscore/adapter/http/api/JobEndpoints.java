package io.leadscore.adapter.http.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.leadscore.application.port.in.Caller;
import io.leadscore.application.port.in.GetJobUseCase;
import io.leadscore.application.port.out.Scope;

/** {@code GET /v1/jobs/{id}}: a job's state, progress, counts and errors. Needs a read key. */
final class JobEndpoints {
  private final GetJobUseCase jobs;

  JobEndpoints(ApiUseCases useCases) {
    this.jobs = useCases.getJob();
  }

  void register(Routes routes) {
    routes.add(HandlerType.GET, "/v1/jobs/{id}", Scope.READ, this::get);
  }

  private void get(Context ctx, Caller caller) {
    Json.respond(ctx, JobResponse.from(jobs.get(caller.workspace(), ctx.pathParam("id"))));
  }
}
