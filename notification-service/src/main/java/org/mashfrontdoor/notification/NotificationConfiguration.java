package org.mashfrontdoor.notification;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.mashfrontdoor.notification.adapters.persistence.MongoAlerts;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.application.FindingAlerts;
import org.mashfrontdoor.notification.application.RaisingAlerts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their Mongo port; the application classes stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  @Bean
  Alerts alerts(MongoDatabase database) {
    return new MongoAlerts(database);
  }

  @Bean
  RaisingAlerts raisingAlerts(Alerts alerts, Clock clock) {
    return new RaisingAlerts(alerts, clock);
  }

  @Bean
  FindingAlerts findingAlerts(Alerts alerts) {
    return new FindingAlerts(alerts);
  }
}
