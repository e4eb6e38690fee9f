package org.mashfrontdoor.cases.adapters.web;

import org.mashfrontdoor.cases.domain.Role;
import org.mashfrontdoor.platform.security.ApiAccessRules;
import org.mashfrontdoor.platform.web.AuditLedgerVerification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the case API: children's social care and early help staff, by the {@code roles} claim of their
 * bearer token. MASH staff may list a referral's cases (ids, pathway, clocks: how their decision is being followed
 * through) but not read a whole case or take a step. Which role may take which step is the domain's rule.
 * Read audits are for team managers; checking the audit ledger for them, the head of service and operations staff.
 * Partner tokens carry no roles and get 403.
 */
@Configuration(proxyBeanMethods = false)
class CaseAccess {

  static final String[] CASE_ROLES = {Role.SOCIAL_WORKER.name(), Role.TEAM_MANAGER.name(),
      Role.EARLY_HELP_COORDINATOR.name()};
  static final String[] FOLLOWERS = {Role.SOCIAL_WORKER.name(), Role.TEAM_MANAGER.name(),
      Role.EARLY_HELP_COORDINATOR.name(), "MASH_SOCIAL_WORKER", "MASH_MANAGER"};

  /** Who may check the audit ledger: team managers, the head of service and operations staff. */
  static final String[] LEDGER_CHECKERS = {Role.TEAM_MANAGER.name(), "HEAD_OF_SERVICE", "OPS"};

  @Bean
  ApiAccessRules caseApiAccess() {
    return api -> api
        .requestMatchers(HttpMethod.GET, "/api/v1/cases").hasAnyRole(FOLLOWERS)
        // HEAD is a GET without the body: the same rule, else the platform refuses it.
        .requestMatchers(HttpMethod.HEAD, "/api/v1/cases").hasAnyRole(FOLLOWERS)
        .requestMatchers(CasesController.AUDIT_PATH).hasRole(Role.TEAM_MANAGER.name())
        // Before the case rule below, which would let any case role read who viewed a referral's cases.
        .requestMatchers(CasesController.REFERRAL_AUDIT_PATH).hasRole(Role.TEAM_MANAGER.name())
        .requestMatchers(HttpMethod.GET, AuditLedgerVerification.PATH).hasAnyRole(LEDGER_CHECKERS)
        .requestMatchers("/api/v1/cases/**").hasAnyRole(CASE_ROLES);
  }
}
