package org.mashfrontdoor.triage;

import java.time.Clock;
import java.time.Duration;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.triage.adapters.persistence.MongoContacts;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.DeadlinePolicy;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their adapters and the configured deadline and RAG policies. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

  @Bean
  Contacts contacts(OutboxRelay relay) {
    return new MongoContacts(relay);
  }

  @Bean
  DeadlinePolicy deadlinePolicy(@Value("${mash.triage.decision-deadline:PT24H}") Duration decisionDeadline) {
    return DeadlinePolicy.elapsed(decisionDeadline);
  }

  @Bean
  RagPolicy ragPolicy(@Value("${mash.triage.rag.amber:PT8H}") Duration amber,
      @Value("${mash.triage.rag.red:PT2H}") Duration red) {
    return new RagPolicy(amber, red);
  }

  @Bean
  OpeningContact openingContact(Contacts contacts, DeadlinePolicy deadlinePolicy, RagPolicy ragPolicy,
      Clock clock) {
    return new OpeningContact(contacts, deadlinePolicy, ragPolicy, clock);
  }

  @Bean
  ViewingContacts viewingContacts(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    return new ViewingContacts(contacts, ragPolicy, clock);
  }

  @Bean
  RecordingDecision recordingDecision(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    return new RecordingDecision(contacts, ragPolicy, clock);
  }
}
