package io.leadscore.application.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LogSafeTest {
  static final String LEAKY =
      "insert failed [statement:\"INSERT INTO webhook_subscriptions ...\", arguments:{secret:"
          + "whsec_abc123, url:https://crm.example/hook, email:ada@example.com, key:lsk_live_x,"
          + " name:\u0000evil}]";

  @Test
  void a_redacted_failure_keeps_classes_and_frames_but_no_message_anywhere_in_the_chain() {
    var failure = new IllegalStateException(LEAKY, new IllegalArgumentException(LEAKY));
    failure.addSuppressed(new RuntimeException(LEAKY));
    var printed = new StringWriter();
    LogSafe.failure(failure).printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString())
        .contains("java.lang.IllegalStateException", "java.lang.IllegalArgumentException")
        .contains("LogSafeTest")
        .doesNotContain("whsec_", "ada@example.com", "lsk_", "\u0000", "crm.example");
    assertThat(LogSafe.classes(failure))
        .isEqualTo("IllegalStateException < IllegalArgumentException");
  }

  @Test
  void request_text_is_one_line_without_raw_control_characters() {
    assertThat(LogSafe.text("/v1/contacts/a\u0000b\nc\u202e"))
        .isEqualTo("/v1/contacts/a\\u0000b\\u000ac\\u202e");
    assertThat(LogSafe.text("x".repeat(500))).hasSize(203);
  }
}
