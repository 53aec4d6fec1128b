package io.leadscore.application.ingest;

import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.application.port.out.ExternalId;
import io.leadscore.domain.reading.Problem;
import io.leadscore.domain.reading.StoredText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the identities that name a contact (http-api.md, "Identity and idempotency"): {@code id},
 * {@code email} (normalised: trimmed, lower-case; no invisible or bidirectional-control characters)
 * and {@code externalId: {source, id}} (never {@code .}, {@code ..} or with {@code /}). Collects
 * problems with paths under a prefix ({@code contact.email}); never throws on any input.
 */
public final class IdentityReader {
  /**
   * Contact ids: ours ({@code c_...}) or one an integrator chose: 1 to 64 characters of the
   * event-key alphabet, starting with a letter or digit (so never {@code .}, {@code ..} or a
   * hidden-file-like name; {@code /} is not in the alphabet).
   */
  public static final Pattern CONTACT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int MAX_EMAIL = 254;
  private static final int MAX_EXTERNAL_ID = 256;

  private IdentityReader() {}

  /** The identities found in a mapping, in the order id, email, externalId. */
  public record Identities(String id, String email, ExternalId externalId) {
    public boolean isEmpty() {
      return id == null && email == null && externalId == null;
    }

    /** The strongest identity given: id, then e-mail, then external id. */
    public ContactIdentity primary() {
      if (id != null) {
        return new ContactIdentity.ById(id);
      }
      if (email != null) {
        return new ContactIdentity.ByEmail(email);
      }
      return new ContactIdentity.ByExternalId(externalId);
    }
  }

  /**
   * Reads {@code id}, {@code email} and {@code externalId} from {@code map}, adding problems at
   * {@code prefix + key}. Absent keys give null fields.
   */
  public static Identities read(Map<?, ?> map, String prefix, List<Problem> problems) {
    String id = null;
    String email = null;
    ExternalId externalId = null;
    if (map.containsKey("id")) {
      id = contactId(map.get("id"), prefix + "id", problems);
    }
    if (map.containsKey("email")) {
      email = email(map.get("email"), prefix + "email", problems);
    }
    if (map.containsKey("externalId")) {
      externalId = externalId(map.get("externalId"), prefix + "externalId", problems);
    }
    return new Identities(id, email, externalId);
  }

  /**
   * Reads an event's {@code contact}: exactly one of {@code id}, {@code email}, {@code externalId};
   * null with problems otherwise.
   */
  public static ContactIdentity readOne(Object node, String path, List<Problem> problems) {
    if (!(node instanceof Map<?, ?> map)) {
      problems.add(new Problem(path, "must be an object with one of id, email, externalId"));
      return null;
    }
    int before = problems.size();
    for (Object key : map.keySet()) {
      if (!"id".equals(key) && !"email".equals(key) && !"externalId".equals(key)) {
        problems.add(new Problem(path + "." + key, "unknown key"));
      }
    }
    Identities found = read(map, path + ".", problems);
    int given =
        (map.containsKey("id") ? 1 : 0)
            + (map.containsKey("email") ? 1 : 0)
            + (map.containsKey("externalId") ? 1 : 0);
    if (given != 1) {
      problems.add(new Problem(path, "must have exactly one of id, email, externalId"));
    }
    return problems.size() > before ? null : found.primary();
  }

  public static String contactId(Object node, String path, List<Problem> problems) {
    if (node instanceof String text && CONTACT_ID.matcher(text).matches()) {
      return text;
    }
    problems.add(
        new Problem(
            path,
            "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -, starting with a letter or digit"));
    return null;
  }

  /** Normalises an e-mail (trimmed, lower-case) and checks it looks like one. */
  public static String email(Object node, String path, List<Problem> problems) {
    if (!(node instanceof String text)) {
      problems.add(new Problem(path, "must be a string"));
      return null;
    }
    String email = text.strip().toLowerCase(Locale.ROOT);
    if (StoredText.problem(email).isPresent() || StoredText.hasInvisible(email, true)) {
      // zero-width and bidirectional controls are format characters: invisible, they would make
      // "ada\u200b@example.com" a contact apart from ada@example.com
      problems.add(
          new Problem(
              path,
              "must not contain invisible or bidirectional-control characters (like U+200B)"));
      return null;
    }
    int at = email.indexOf('@');
    if (email.length() > MAX_EMAIL
        || at <= 0
        || at != email.lastIndexOf('@')
        || at == email.length() - 1
        || email.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      problems.add(new Problem(path, "must be an e-mail address like ada@example.com"));
      return null;
    }
    return email;
  }

  /**
   * External ids: any vendor's text, but never a path step ({@code .}, {@code ..}, {@code /},
   * {@code \}), nor control, format (invisible, bidirectional) characters or what the databases
   * cannot store.
   */
  private static boolean externalIdText(String id) {
    return !id.equals(".")
        && !id.equals("..")
        && StoredText.problem(id).isEmpty()
        && !StoredText.hasInvisible(id, true)
        // format characters are invisible ones: hasInvisible checks them by code point
        && id.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
  }

  private static ExternalId externalId(Object node, String path, List<Problem> problems) {
    if (!(node instanceof Map<?, ?> map)) {
      problems.add(new Problem(path, "must be an object {source, id}"));
      return null;
    }
    var local = new ArrayList<Problem>();
    for (Object key : map.keySet()) {
      if (!"source".equals(key) && !"id".equals(key)) {
        local.add(new Problem(path + "." + key, "unknown key"));
      }
    }
    Object source = map.get("source");
    if (!(source instanceof String text && SOURCE.matcher(text).matches())) {
      local.add(new Problem(path + ".source", "must be 1 to 64 characters of A-Z a-z 0-9 . _ : -"));
    }
    Object id = map.get("id");
    // a number id is kept only when it is an integer, written as its digits: a fraction or an
    // exponent went through a double (1e400 became "Infinity", 0.1 + 0.2 its binary rounding)
    String idText =
        switch (id) {
          case String text -> text;
          case Integer number -> number.toString();
          case Long number -> number.toString();
          case Short number -> number.toString();
          case Byte number -> number.toString();
          case java.math.BigInteger number -> number.toString();
          case null, default -> null;
        };
    if (id instanceof Number && idText == null) {
      local.add(new Problem(path + ".id", "must be a string or an integer"));
    } else if (idText == null || idText.isBlank() || idText.length() > MAX_EXTERNAL_ID) {
      local.add(new Problem(path + ".id", "must be a non-empty string of at most 256 characters"));
    } else if (!externalIdText(idText)) {
      local.add(
          new Problem(
              path + ".id",
              "must not be . or .., nor contain / \\, control, invisible or unpaired-surrogate"
                  + " characters"));
    }
    problems.addAll(local);
    return local.isEmpty() ? new ExternalId((String) source, idText) : null;
  }
}
