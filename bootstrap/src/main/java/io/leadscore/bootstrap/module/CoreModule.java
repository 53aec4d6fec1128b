package io.leadscore.bootstrap.module;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import io.leadscore.application.egress.EgressPolicy;
import io.leadscore.bootstrap.config.LeadscoreConfig;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/**
 * The configuration, the clock ("now" everywhere), the egress policy and this node's name (for job
 * leases).
 */
public final class CoreModule extends AbstractModule {
  private final LeadscoreConfig config;
  private final Clock clock;

  public CoreModule(LeadscoreConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  protected void configure() {
    bind(LeadscoreConfig.class).toInstance(config);
    bind(Clock.class).toInstance(clock);
  }

  /**
   * The one egress policy: webhook creation and delivery, and every vendor module's calls, check
   * their URLs and the addresses they connect to against it.
   */
  @Provides
  @Singleton
  EgressPolicy egress() {
    return config.egress().policy();
  }

  /** Host name and process id: unique among nodes sharing one database. */
  @Provides
  @Singleton
  @Named("node")
  String node() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
  }
}
