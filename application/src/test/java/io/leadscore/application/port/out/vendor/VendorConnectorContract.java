package io.leadscore.application.port.out.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.leadscore.application.ingest.VendorData;
import io.leadscore.application.port.out.ContactIdentity;
import io.leadscore.domain.reading.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every vendor module must do (style.md, "Adding a vendor", step 5): a vendor module's test
 * implements this against WireMock stubs shaped like the vendor's documented payloads; it runs on
 * {@code FakeVendor} here. The stubbed vendor must hold at least one page of data for a first sync.
 */
public interface VendorConnectorContract {
  /** The factory under test. */
  VendorConnectorFactory vendor();

  /** Settings that work against the stubbed vendor ({@code baseUrl} pointing at the stub). */
  default Map<String, Object> workingSettings() {
    return Map.of("apiKey", "0123456789abcdef-us6");
  }

  /** How many requests the stubbed vendor has had (WireMock's request journal). */
  default long requestsSoFar(VendorConnectorFactory vendor) {
    return vendor instanceof io.leadscore.application.fake.FakeVendor fake
        ? fake.pulls().size()
        : 0;
  }

  /** At most this many pages are pulled in a first sync before the test gives up. */
  int MAX_PAGES = 1000;

  Pattern KIND = Pattern.compile("[a-z0-9-]{1,32}");
  Pattern EVENT_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private SourceConfig config(VendorConnectorFactory vendor) {
    return new SourceConfig("src_contract", "ws", vendor.kind(), workingSettings(), Map.of());
  }

  private List<Page> firstSync(VendorConnectorFactory vendor) {
    VendorConnector connector = vendor.connect(config(vendor));
    var pages = new ArrayList<Page>();
    String cursor = null;
    do {
      Page page = connector.pull(cursor);
      pages.add(page);
      cursor = page.nextCursor();
    } while (pages.get(pages.size() - 1).more() && pages.size() < MAX_PAGES);
    return pages;
  }

  @Test
  default void the_kind_is_a_short_lower_case_name() {
    assertThat(vendor().kind()).matches(KIND);
  }

  @Test
  default void working_settings_have_no_problems_and_no_settings_have_some() {
    var vendor = vendor();

    assertThat(vendor.checkSettings(workingSettings())).isEmpty();
    assertThat(vendor.checkSettings(Map.of())).isNotEmpty();
  }

  @Test
  default void an_unknown_setting_is_a_problem_at_its_key() {
    var settings = new LinkedHashMap<>(workingSettings());
    settings.put("noSuchSetting", "x");

    assertThat(vendor().checkSettings(settings))
        .extracting(Problem::path)
        .contains("noSuchSetting");
  }

  @Test
  default void settings_of_any_shape_give_problems_and_never_an_exception() {
    var vendor = vendor();
    var odd = new LinkedHashMap<String, Object>();
    workingSettings().keySet().forEach(key -> odd.put(key, List.of(Map.of("x", 1))));
    odd.put("nested", Map.of("a", List.of()));
    var nulls = new LinkedHashMap<String, Object>();
    workingSettings().keySet().forEach(key -> nulls.put(key, null));

    assertThatCode(() -> vendor.checkSettings(odd)).doesNotThrowAnyException();
    assertThatCode(() -> vendor.checkSettings(nulls)).doesNotThrowAnyException();
    assertThat(vendor.checkSettings(odd)).isNotEmpty();
  }

  @Test
  default void secret_settings_name_settings_the_vendor_takes() {
    var vendor = vendor();
    for (String secret : vendor.secretSettings()) {
      var without = new LinkedHashMap<>(workingSettings());
      without.remove(secret);
      without.put(secret, "a-secret-value-us6");
      assertThat(vendor.checkSettings(without)).extracting(Problem::path).doesNotContain(secret);
    }
  }

  @Test
  default void connecting_makes_no_request() {
    var vendor = vendor();
    long before = requestsSoFar(vendor);

    vendor.connect(config(vendor));

    assertThat(requestsSoFar(vendor)).isEqualTo(before);
  }

  @Test
  default void a_first_sync_ends_and_every_page_has_a_cursor() {
    List<Page> pages = firstSync(vendor());

    assertThat(pages.get(pages.size() - 1).more()).isFalse();
    assertThat(pages).allSatisfy(page -> assertThat(page.nextCursor()).isNotNull());
  }

  @Test
  default void everything_a_sync_gives_is_valid_input_with_keys_and_the_vendors_external_ids() {
    var vendor = vendor();
    List<Page> pages = firstSync(vendor);

    for (Page page : pages) {
      VendorData.Checked checked = VendorData.check("src_contract", page.contacts(), page.events());
      assertThat(checked.errors()).isEmpty();
      assertThat(page.contacts())
          .allSatisfy(
              contact -> assertThat(contact.externalId().source()).isEqualTo(vendor.kind()));
      assertThat(page.events())
          .allSatisfy(
              event -> {
                assertThat(event.eventKey()).matches(EVENT_KEY);
                if (event.contact() instanceof ContactIdentity.ByExternalId(var id)) {
                  assertThat(id.source()).isEqualTo(vendor.kind());
                }
              });
    }
  }

  @Test
  default void a_page_read_again_from_its_cursor_has_the_same_event_keys() {
    var vendor = vendor();
    List<Page> pages = firstSync(vendor);
    VendorConnector again = vendor.connect(config(vendor));

    String cursor = null;
    for (Page page : pages) {
      Page repeated = again.pull(cursor);
      assertThat(repeated.events())
          .extracting(VendorEvent::eventKey)
          .containsExactlyElementsOf(page.events().stream().map(VendorEvent::eventKey).toList());
      cursor = page.nextCursor();
    }
  }

  @Test
  default void event_keys_are_unique_within_a_sync() {
    var keys = new HashSet<String>();
    for (Page page : firstSync(vendor())) {
      for (VendorEvent event : page.events()) {
        assertThat(keys.add(event.eventKey())).as(event.eventKey()).isTrue();
      }
    }
  }
}
