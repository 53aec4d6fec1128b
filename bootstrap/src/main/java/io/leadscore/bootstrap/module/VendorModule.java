package io.leadscore.bootstrap.module;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.leadscore.application.port.out.vendor.VendorConnectorFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor modules on the class path (style.md, "Adding a vendor"): every {@link
 * VendorConnectorFactory} named under {@code META-INF/services}, keyed by its kind. Two modules
 * claiming one kind stop the start-up; the kinds found are logged.
 */
public final class VendorModule extends AbstractModule {
  private static final Logger LOG = LoggerFactory.getLogger(VendorModule.class);

  @Provides
  @Singleton
  Map<String, VendorConnectorFactory> vendors() {
    var byKind = new TreeMap<String, VendorConnectorFactory>();
    for (VendorConnectorFactory factory : ServiceLoader.load(VendorConnectorFactory.class)) {
      VendorConnectorFactory earlier = byKind.putIfAbsent(factory.kind(), factory);
      if (earlier != null) {
        throw new IllegalStateException(
            "two vendor modules claim the kind '"
                + factory.kind()
                + "': "
                + earlier.getClass().getName()
                + " and "
                + factory.getClass().getName());
      }
    }
    LOG.info("vendor modules found: {}", byKind.isEmpty() ? "none" : byKind.keySet());
    return Map.copyOf(byKind);
  }
}
