package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** Publishes {@link EventBatches#MODEL} through the API and waits for its re-score job. */
public final class WebModel {
  /** The model's id. */
  public static final String ID = "web";

  private WebModel() {}

  /** {@code PUT /v1/models/web/draft}, {@code POST .../publish}, then the job succeeded. */
  public static void publish(ApiClient admin) {
    var draft = admin.put("/v1/models/" + ID + "/draft", "application/yaml", EventBatches.MODEL);
    assertThat(draft.status()).as(draft.body()).isEqualTo(200);
    var publish = admin.post("/v1/models/" + ID + "/publish", "{}");
    assertThat(publish.status()).as(publish.body()).isEqualTo(202);
    String job = publish.header("Location");
    Await.until(
        "publish job " + job + " succeeded",
        Duration.ofSeconds(60),
        () -> "succeeded".equals(admin.get(job).json().path("state").asText()));
  }
}
