package org.mashfrontdoor.platform.web;

import org.mashfrontdoor.platform.audit.AuditLedger;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** A service that keeps an audit ledger (declares an {@link AuditLedger} bean) serves its verification. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(AuditLedger.class)
public class AuditLedgerAutoConfiguration {

  @Bean
  AuditLedgerVerification auditLedgerVerification(AuditLedger ledger) {
    return new AuditLedgerVerification(ledger);
  }
}
