package org.mashfrontdoor.triage.adapters.web;

import org.mashfrontdoor.platform.security.ApiAccessRules;
import org.mashfrontdoor.platform.web.AuditLedgerVerification;
import org.mashfrontdoor.triage.domain.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the triage API: MASH staff, by the {@code roles} claim of their bearer token. Which role may take
 * which step (a social worker recommends, a manager signs off) is the domain's rule, not this one; only the read
 * audit is for managers alone, and checking the audit ledger for managers, the head of service and operations staff.
 * Partner tokens carry scopes, not roles, and get 403.
 */
@Configuration(proxyBeanMethods = false)
class StaffAccess {

  static final String SOCIAL_WORKER = Role.MASH_SOCIAL_WORKER.name();
  static final String MANAGER = Role.MASH_MANAGER.name();
  /** Who may check the audit ledger: the front door's managers, the head of service and operations staff. */
  static final String[] LEDGER_CHECKERS = {MANAGER, "HEAD_OF_SERVICE", "OPS"};

  @Bean
  ApiAccessRules triageAccess() {
    return api -> api
        // Any method, HEAD included: the read audit is for managers alone.
        .requestMatchers(TriageController.AUDIT_PATH).hasRole(MANAGER)
        .requestMatchers(HttpMethod.GET, AuditLedgerVerification.PATH).hasAnyRole(LEDGER_CHECKERS)
        .requestMatchers("/api/v1/triage/**").hasAnyRole(SOCIAL_WORKER, MANAGER);
  }
}
