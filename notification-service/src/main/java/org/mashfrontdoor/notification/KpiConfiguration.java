package org.mashfrontdoor.notification;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.mashfrontdoor.notification.adapters.messaging.KpiEventsListener;
import org.mashfrontdoor.notification.adapters.persistence.MongoKpiFacts;
import org.mashfrontdoor.notification.application.KpiFacts;
import org.mashfrontdoor.notification.application.OpenContacts;
import org.mashfrontdoor.notification.application.ProjectingKpis;
import org.mashfrontdoor.notification.application.ReadingKpis;
import org.mashfrontdoor.notification.application.RebuildingKpis;
import org.mashfrontdoor.notification.domain.kpi.KpiDefinition;
import org.mashfrontdoor.notification.domain.kpi.Target;
import org.mashfrontdoor.platform.deadlines.WorkingDays;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The KPI projection (kept from the events), the scorecard over it, and its rebuild from the topics. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KpiProperties.class)
class KpiConfiguration {

  @Bean
  KpiFacts kpiFacts(MongoDatabase database) {
    return new MongoKpiFacts(database);
  }

  @Bean
  ProjectingKpis projectingKpis(KpiFacts facts) {
    return new ProjectingKpis(facts);
  }

  /** "1 day" as the hub measured it before: by the end of the next working day after receipt. */
  @Bean
  ReadingKpis readingKpis(KpiFacts facts, OpenContacts openContacts, KpiProperties properties, Clock clock) {
    return new ReadingKpis(facts, openContacts, targets(properties), new WorkingDays(1, WorkingDayCalendar.englandAndWales()),
        clock);
  }

  /**
   * The projection's own listener containers: batches, offsets committed per batch, and an infrastructure fault
   * (store or broker away) waited out with backoff for as long as it lasts; the listener never throws for bad data.
   */
  @Bean
  ConcurrentKafkaListenerContainerFactory<String, String> kpiListenerFactory(
      ConsumerFactory<String, String> consumers) {
    ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(consumers);
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    ExponentialBackOff waitItOut = new ExponentialBackOff(500, 2.0);
    waitItOut.setMaxInterval(30_000);
    factory.setCommonErrorHandler(new DefaultErrorHandler(waitItOut));
    return factory;
  }

  @Bean
  RebuildingKpis rebuildingKpis(KpiFacts facts, KpiEventsListener listener) {
    return new RebuildingKpis(facts, listener);
  }

  /** A target for a KPI that does not exist is a typo that would silently never show: refuse to start. */
  static Map<String, Target> targets(KpiProperties properties) {
    Map<String, Target> targets = new HashMap<>();
    if (properties.targets() != null) {
      properties.targets().forEach((name, target) -> {
        if (KpiDefinition.named(name).isEmpty()) {
          throw new IllegalStateException("mash.kpis.targets." + name + ": no such KPI; known: "
              + KpiDefinition.ALL.stream().map(KpiDefinition::name).toList());
        }
        if (target.target() != null) {
          targets.put(name, new Target(target.target(), target.amberBand()));
        }
      });
    }
    return targets;
  }
}
