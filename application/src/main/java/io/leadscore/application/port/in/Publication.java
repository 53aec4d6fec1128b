package io.leadscore.application.port.in;

import io.leadscore.application.port.out.Job;

/** A version made live, and the job that re-scores every contact with it. */
public record Publication(String model, int version, Job rescore) {}
