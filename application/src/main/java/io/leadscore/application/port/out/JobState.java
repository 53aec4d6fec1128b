package io.leadscore.application.port.out;

import java.util.Locale;

/** Where a job is in its life: queued, running, then succeeded or failed. */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
