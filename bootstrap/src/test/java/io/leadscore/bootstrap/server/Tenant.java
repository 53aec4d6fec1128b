package io.leadscore.bootstrap.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadscore.application.port.out.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A workspace filled through the API for end-to-end tests: keys of every scope, two published
 * models (one with the id every tenant shares, one with an id only this workspace has), two
 * contacts with events and materialised scores, a finished job and a spare key. Every id is real,
 * so a test can aim any route at this workspace's data.
 *
 * @param sharedModel a model id every tenant publishes (leaderboards must still not mix)
 * @param privateModel a model id only this workspace has
 * @param privateModelName its name, which must never show to another workspace
 * @param company an attribute value only this workspace's contacts carry
 * @param jobId the re-score job of the private model's publication
 * @param spareKeyId a read key made through {@code POST /v1/keys}, never revoked
 * @param spareKey its token
 * @param sourceId a vendor source (the test vendor {@code fake}) with {@code hookSecret}
 * @param vendorSecret the source's credential, never shown by the API
 * @param webhookId an outbound webhook subscription with {@code webhookSecret}
 */
public record Tenant(
    String workspace,
    String admin,
    String write,
    String read,
    String sharedModel,
    String privateModel,
    String privateModelName,
    List<String> contactIds,
    List<String> emails,
    String company,
    String jobId,
    String spareKeyId,
    String spareKey,
    String sourceId,
    String hookSecret,
    String vendorSecret,
    String webhookId,
    String webhookSecret) {

  /** The model id every tenant publishes. */
  public static final String SHARED_MODEL = "b2b-default";

  /**
   * Creates {@code workspace} on {@code server} and fills it; {@code label} (letters only) goes
   * into its names and e-mails, so any of them found in another workspace's answer is a leak.
   */
  public static Tenant create(TestServer server, String workspace, String label) {
    String admin = server.key(workspace, Scope.ADMIN);
    String write = server.key(workspace, Scope.WRITE);
    String read = server.key(workspace, Scope.READ);
    String lower = label.toLowerCase(Locale.ROOT);
    String privateModel = lower + "-only-model";
    String privateModelName = label + " Confidential Model";
    String company = label + "SecretCorp";

    draft(server, admin, SHARED_MODEL, label + " Shared Scoring");
    draft(server, admin, privateModel, privateModelName);

    var contactIds = new ArrayList<String>();
    var emails = new ArrayList<String>();
    for (int i = 1; i <= 2; i++) {
      String email = lower + ".lead" + i + "@" + lower + "-private.example";
      var answer =
          server.put(
              "/v1/contacts",
              write,
              "application/json",
              """
              {"email": "%s", "attributes": {"title": "VP Sales", "company": "%s"},
               "tags": ["%s-vip"]}"""
                  .formatted(email, company, lower));
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      contactIds.add(answer.json().get("id").asText());
      emails.add(email);
    }
    var events = new StringBuilder();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (String contactId : contactIds) {
      for (int day = 1; day <= 3; day++) {
        String at = now.minus(Duration.ofDays(day)).toString();
        events.append(
            """
            {"type": "email.clicked", "occurredAt": "%s", "contact": {"id": "%s"},
             "properties": {"url": "https://ex.com/blog/ransomware?d=%d"}},
            {"type": "email.opened", "occurredAt": "%s", "contact": {"id": "%s"}},
            """
                .formatted(at, contactId, day, at, contactId));
      }
      events.append(
          """
          {"type": "form.submitted", "occurredAt": "%s", "contact": {"id": "%s"},
           "properties": {"form": "consultation"}},
          """
              .formatted(now.minus(Duration.ofHours(5)), contactId));
    }
    String batch = "{\"events\": [" + events.toString().strip().replaceAll(",$", "") + "]}";
    var ingested = server.post("/v1/events", write, batch);
    assertThat(ingested.status()).as(ingested.body()).isEqualTo(200);
    assertThat(ingested.json().get("rejected")).as(ingested.body()).isEmpty();

    publish(server, admin, read, SHARED_MODEL);
    String jobId = publish(server, admin, read, privateModel);
    await(
        "the leaderboard of " + workspace + " to list its contacts",
        () -> server.get("/v1/leaderboard?model=" + SHARED_MODEL, read),
        answer -> answer.status() == 200 && answer.json().get("items").size() == contactIds.size());

    var spare = server.post("/v1/keys", admin, "{\"scope\": \"read\", \"name\": \"spare\"}");
    assertThat(spare.status()).as(spare.body()).isEqualTo(201);

    String vendorSecret = lower + "-vendor-credential-0451";
    var source =
        server.post(
            "/v1/sources",
            admin,
            """
            {"kind": "fake", "name": "%s Source", "settings": {"apiKey": "%s"}}"""
                .formatted(label, vendorSecret));
    assertThat(source.status()).as(source.body()).isEqualTo(201);
    var webhook =
        server.post(
            "/v1/webhooks",
            admin,
            """
            {"url": "http://127.0.0.1:9/%s-receiver", "types": ["topic.interested"]}"""
                .formatted(lower));
    assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
    return new Tenant(
        workspace,
        admin,
        write,
        read,
        SHARED_MODEL,
        privateModel,
        privateModelName,
        List.copyOf(contactIds),
        List.copyOf(emails),
        company,
        jobId,
        spare.json().get("key").get("id").asText(),
        spare.json().get("secret").asText(),
        source.json().at("/source/id").asText(),
        source.json().get("hookSecret").asText(),
        vendorSecret,
        webhook.json().at("/webhook/id").asText(),
        webhook.json().get("secret").asText());
  }

  /** Every key this tenant was given. */
  public List<String> keys() {
    return List.of(admin, write, read, spareKey);
  }

  /**
   * What no other workspace may ever see: contact ids and e-mails, the private model's id and name,
   * the company, the job and key ids, the secrets.
   */
  public List<String> secrets() {
    var all = new ArrayList<String>();
    all.addAll(contactIds);
    all.addAll(emails);
    all.addAll(List.of(privateModel, privateModelName, company, jobId, spareKeyId));
    all.addAll(List.of(sourceId, hookSecret, vendorSecret, webhookId, webhookSecret));
    all.add(workspace.replace("-ws", "") + "-receiver");
    all.addAll(keys());
    for (String key : keys()) {
      all.add(key.substring(4, 20)); // the key's public id
    }
    return all;
  }

  /** The sample model ({@code examples/b2b-default.yaml}) with another id and name. */
  public static String modelYaml(String id, String name) {
    return sampleModel()
        .replace("id: b2b-default ", "id: " + id + " ")
        .replace("name: B2B default", "name: " + name);
  }

  /** The text of {@code examples/b2b-default.yaml}. */
  public static String sampleModel() {
    Path root = Path.of(System.getProperty("leadscore.root", "..")).toAbsolutePath().normalize();
    try {
      return Files.readString(root.resolve("examples").resolve("b2b-default.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void draft(TestServer server, String admin, String id, String name) {
    String yaml = modelYaml(id, name);
    assertThat(yaml).contains("id: " + id + " ");
    var answer = server.put("/v1/models/" + id + "/draft", admin, "application/yaml", yaml);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /** Publishes the draft and waits for its re-score job to succeed; returns the job id. */
  private static String publish(TestServer server, String admin, String read, String model) {
    var answer = server.post("/v1/models/" + model + "/publish", admin, "");
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    String job = answer.json().get("job").get("id").asText();
    var done =
        await(
            "job " + job + " to finish",
            () -> server.get("/v1/jobs/" + job, read),
            polled ->
                polled.status() == 200
                    && List.of("succeeded", "failed")
                        .contains(polled.json().get("state").asText()));
    assertThat(done.json().get("state").asText()).as(done.body()).isEqualTo("succeeded");
    return job;
  }

  /** Polls {@code probe} until {@code done} holds (at most a minute), returning the last value. */
  public static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; last: " + value);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
