package io.leadscore.bootstrap.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.in.RefreshScoresUseCase;
import io.leadscore.application.port.in.RunJobsUseCase;
import io.leadscore.application.port.out.StorageUnavailableException;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A failing background round is logged (slf4j-simple writes to stderr, captured here) without the
 * failure's message: a failed webhook insert's JDBI exception carries the {@code whsec_} secret,
 * e-mails and raw NUL bytes among its bound values.
 */
class WorkersLogTest {
  private static final String BOUND_VALUES =
      "Unable to execute, arguments:{secret:whsec_s3cr3t, email:ada@example.com,"
          + " key:lsk_live_k3y, description:\u0000nul}";

  @Test
  void failed_rounds_log_no_secret_e_mail_or_control_character() throws Exception {
    var captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    var failed = new CountDownLatch(2);
    var workers =
        new Workers(
            new LeadscoreConfig.Workers(
                true,
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofHours(1)),
            new RefreshScoresUseCase() {
              @Override
              public int refresh(int maxContacts) {
                return 0;
              }

              @Override
              public int sweepDecay(int maxContacts) {
                return 0;
              }
            },
            (RunJobsUseCase) () -> false);
    workers.add(
        new Workers.Task(
            "webhooks",
            Duration.ofMillis(10),
            () -> {
              failed.countDown();
              throw new IllegalStateException(BOUND_VALUES, new RuntimeException(BOUND_VALUES));
            }));
    workers.add(
        new Workers.Task(
            "sync-schedule",
            Duration.ofMillis(10),
            () -> {
              failed.countDown();
              throw new StorageUnavailableException(
                  "the database is unavailable: " + BOUND_VALUES, null);
            }));
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      workers.start();
      assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();
      workers.stop(Duration.ofSeconds(10));
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("round failed");
    assertThat(log).doesNotContain("whsec_", "ada@example.com", "lsk_", "\u0000");
  }
}
