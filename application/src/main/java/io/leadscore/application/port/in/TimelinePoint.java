package io.leadscore.application.port.in;

import java.time.Instant;

/** A contact's score, tier and grade at one instant of a timeline (tier, grade may be null). */
public record TimelinePoint(Instant at, double score, String tier, String grade) {}
