package io.leadscore.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  @TempDir Path dir;

  private static final String TINY_MODEL =
      """
      id: tiny
      fit:
        - id: director
          points: 20
          when: { field: title, contains: director }
        - id: student
          points: -40
          when: { field: title, contains: student }
      engagement:
        - id: click
          points: 10
          on: email.clicked
          limit: { times: 2 }
        - id: open
          points: 3
          on: email.opened
          decay: { perDay: 1 }
        - id: download
          points: 5
          on: content.downloaded
          decay: { halfLife: P2D }
        - id: unsubscribed
          points: -50
          on: email.unsubscribed
      topics:
        - id: security
          on: email.clicked
          interestedAt: 2
      tiers:
        - { id: cold, from: 0 }
        - { id: warm, from: 30 }
      grades:
        - { id: B, from: 0 }
        - { id: A, from: 20 }
      """;

  private static final String CONTACT =
      """
      {"attributes": {"title": "Marketing Director", "email": "a@b.example"}, "tags": []}
      """;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Cli.Result score(Path model, Path contact, Path events, String... more) {
    var args =
        new java.util.ArrayList<String>(
            java.util.List.of(
                "score",
                "--model",
                model.toString(),
                "--contact",
                contact.toString(),
                "--events",
                events.toString()));
    args.addAll(java.util.List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void prints_the_hand_computed_leadscore_json() throws Exception {
    // fit: director 20. click: 3 clicks, limit 2 -> 20. open: 3 points, 1 whole day old, perDay 1
    // -> 2; the second open is after asOf and counts nowhere. download: 5 points, 2 days old,
    // halfLife P2D -> 2.5. engagement 24.5, score 44.5 -> warm; fit 20 -> grade A. security
    // topic: urls a, b, a -> 2 items, interested at 2. unsubscribed: no award, not listed.
    Path events =
        write(
            "events.jsonl",
            """
            {"eventKey": "c1", "type": "email.clicked", "occurredAt": "2026-11-20T10:00:00Z", "properties": {"url": "a"}}
            {"eventKey": "c2", "type": "email.clicked", "occurredAt": "2026-11-21T10:00:00Z", "properties": {"url": "b"}}

            {"eventKey": "c3", "type": "email.clicked", "occurredAt": "2026-11-21T12:00:00Z", "properties": {"url": "a"}}
            {"eventKey": "o1", "type": "email.opened", "occurredAt": "2026-11-21T09:00:00Z", "properties": {}}
            {"eventKey": "o2", "type": "email.opened", "occurredAt": "2026-11-22T11:00:00Z", "properties": {}}
            {"eventKey": "d1", "type": "content.downloaded", "occurredAt": "2026-11-20T10:00:00Z", "properties": {"content": "x.pdf"}}
            """);

    var result =
        score(
            write("tiny.yaml", TINY_MODEL),
            write("contact.json", CONTACT),
            events,
            "--as-of",
            "2026-11-22T10:00:00Z");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            {
              "model": "tiny",
              "version": null,
              "asOf": "2026-11-22T10:00:00Z",
              "score": 44.5,
              "fit": 20,
              "engagement": 24.5,
              "tier": "warm",
              "grade": "A",
              "topics": [
                {
                  "topic": "security",
                  "items": 2,
                  "interested": true
                }
              ],
              "breakdown": [
                {
                  "rule": "director",
                  "kind": "fit",
                  "awards": 1,
                  "points": 20
                },
                {
                  "rule": "click",
                  "kind": "engagement",
                  "awards": 2,
                  "points": 20
                },
                {
                  "rule": "open",
                  "kind": "engagement",
                  "awards": 1,
                  "points": 2
                },
                {
                  "rule": "download",
                  "kind": "engagement",
                  "awards": 1,
                  "points": 2.5
                }
              ]
            }
            """);
  }

  @Test
  void as_of_defaults_to_now_from_the_clock() throws Exception {

    var result =
        score(write("tiny.yaml", TINY_MODEL), write("contact.json", CONTACT), write("e.jsonl", ""));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("\"asOf\": \"" + Cli.NOW + "\",").contains("\"score\": 20,");
  }

  @Test
  void scores_the_examples() {

    var result =
        score(
            Cli.example("b2b-default.yaml"),
            Cli.example("contact.json"),
            Cli.example("events.jsonl"),
            "--as-of",
            "2026-11-22T10:00:00Z");

    assertThat(result.err()).isEmpty();
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .startsWith("{\n  \"model\": \"b2b-default\",\n  \"version\": null,\n")
        .contains("\"fit\": 50,", "\"tier\": \"hot\",", "\"grade\": \"B\",")
        .contains(
            "\"topic\": \"network-security\",\n      \"items\": 3,\n      \"interested\": true");
  }

  @Test
  void lists_every_bad_event_line_with_its_number_and_scores_nothing() throws Exception {
    Path events =
        write(
            "events.jsonl",
            """
            {"eventKey": "c1", "type": "email.clicked", "occurredAt": "2026-11-20T10:00:00Z", "properties": {"url": "a"}}
            {"eventKey": "c2", "type": "email.clicked", "occurredAt": "2026-11-21T10:00:00Z", "properties": {"url": "b"}
            {"eventKey": "c3", "type": "Email Clicked", "occurredAt": "2026-11-21T12:00:00Z", "properties": {}}

            {"eventKey": "c4", "type": "email.clicked", "occurredAt": "yesterday", "properties": {}}
            {"eventKey": "c5", "type": "email.clicked", "occurredAt": "2026-11-21T12:00:00Z", "properties": {}}
            """);

    var result =
        score(
            write("tiny.yaml", TINY_MODEL),
            write("contact.json", CONTACT),
            events,
            "--as-of",
            "2026-11-22T10:00:00Z");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    var lines = result.err().lines().toList();
    assertThat(lines)
        .anyMatch(
            line -> line.matches("\\Q" + events + "\\E:2: not valid JSON: .* \\(column \\d+\\)"));
    assertThat(lines).anyMatch(line -> line.startsWith(events + ":3: type: "));
    assertThat(lines).anyMatch(line -> line.startsWith(events + ":5: occurredAt: "));
    assertThat(lines)
        .noneMatch(line -> line.startsWith(events + ":1:") || line.startsWith(events + ":6:"));
    assertThat(lines).last().asString().startsWith("leadscore: nothing scored, ");
  }

  @Test
  void a_repeated_event_key_names_both_lines() throws Exception {
    Path events =
        write(
            "events.jsonl",
            """
            {"eventKey": "k1", "type": "email.opened", "occurredAt": "2026-11-20T10:00:00Z", "properties": {}}
            {"eventKey": "k2", "type": "email.opened", "occurredAt": "2026-11-20T10:00:00Z", "properties": {}}
            {"eventKey": "k1", "type": "email.clicked", "occurredAt": "2026-11-21T10:00:00Z", "properties": {}}
            """);

    var result =
        score(
            write("tiny.yaml", TINY_MODEL),
            write("contact.json", CONTACT),
            events,
            "--as-of",
            "2026-11-22T10:00:00Z");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            events
                + ":3: eventKey: 'k1' repeats line 1\n"
                + "leadscore: nothing scored, 1 problem\n");
  }

  @Test
  void problems_in_model_and_contact_are_listed_with_their_file() throws Exception {
    Path model = write("m.yaml", "id: m\nengagement:\n  - id: click\n    points: 10\n");
    Path contact = write("c.json", "{\"attributes\": {}, \"tags\": [], \"colour\": \"red\"}");

    var result = score(model, contact, write("e.jsonl", ""), "--as-of", "2026-11-22T10:00:00Z");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().lines())
        .contains(model + ": engagement[0].on: required")
        .anyMatch(line -> line.startsWith(contact + ": colour: "));
  }

  @Test
  void a_bad_as_of_is_a_usage_error() throws Exception {
    var result =
        score(
            write("tiny.yaml", TINY_MODEL),
            write("contact.json", CONTACT),
            write("e.jsonl", ""),
            "--as-of",
            "2026-11-22");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith(
            "Invalid value for option '--as-of': '2026-11-22' is not an ISO-8601 instant such as"
                + " 2026-11-22T10:00:00Z");
  }

  @Test
  void a_missing_events_file_exits_2() throws Exception {
    Path missing = dir.resolve("missing.jsonl");

    var result = score(write("tiny.yaml", TINY_MODEL), write("contact.json", CONTACT), missing);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("leadscore: " + missing + ": no such file\n");
  }

  @Test
  void a_missing_option_is_a_usage_error() {
    var result = Cli.run("score", "--model", "m.yaml");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required options");
  }
}
