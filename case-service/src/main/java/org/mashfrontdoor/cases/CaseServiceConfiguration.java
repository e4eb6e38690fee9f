package org.mashfrontdoor.cases;

import java.time.Clock;
import org.mashfrontdoor.cases.adapters.persistence.MongoCases;
import org.mashfrontdoor.cases.application.Cases;
import org.mashfrontdoor.cases.application.FindingCases;
import org.mashfrontdoor.cases.application.OpeningCase;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their adapters; the application classes stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class CaseServiceConfiguration {

  @Bean
  Cases cases(OutboxRelay outbox) {
    return new MongoCases(outbox);
  }

  @Bean
  OpeningCase openingCase(Cases cases, Clock clock) {
    return new OpeningCase(cases, clock);
  }

  @Bean
  FindingCases findingCases(Cases cases) {
    return new FindingCases(cases);
  }
}
