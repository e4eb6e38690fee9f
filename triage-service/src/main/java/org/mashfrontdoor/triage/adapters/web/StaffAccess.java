package org.mashfrontdoor.triage.adapters.web;

import org.mashfrontdoor.platform.security.ApiAccessRules;
import org.mashfrontdoor.triage.domain.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the triage API: MASH staff, by the {@code roles} claim of their bearer token. Which role may take
 * which step (a social worker recommends, a manager signs off) is the domain's rule, not this one; only the read
 * audit is for managers alone. Partner tokens carry scopes, not roles, and get 403.
 */
@Configuration(proxyBeanMethods = false)
class StaffAccess {

  static final String SOCIAL_WORKER = Role.MASH_SOCIAL_WORKER.name();
  static final String MANAGER = Role.MASH_MANAGER.name();

  @Bean
  ApiAccessRules triageAccess() {
    return api -> api
        // Any method, HEAD included: the read audit is for managers alone.
        .requestMatchers(TriageController.AUDIT_PATH).hasRole(MANAGER)
        .requestMatchers("/api/v1/triage/**").hasAnyRole(SOCIAL_WORKER, MANAGER);
  }
}
