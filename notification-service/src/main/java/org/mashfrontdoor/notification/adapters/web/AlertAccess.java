package org.mashfrontdoor.notification.adapters.web;

import org.mashfrontdoor.platform.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the alerts API: MASH staff (social worker, manager, head of service) and the case team managers who
 * are the audience of case deadline alerts, by the {@code roles} claim of their bearer token. Every one of them sees
 * every alert; {@code audience} says who must act. Partner tokens carry no roles and get 403.
 */
@Configuration(proxyBeanMethods = false)
class AlertAccess {

  static final String[] STAFF = {"MASH_SOCIAL_WORKER", "MASH_MANAGER", "HEAD_OF_SERVICE", "TEAM_MANAGER"};

  @Bean
  ApiAccessRules alertApiAccess() {
    return api -> api.requestMatchers("/api/v1/alerts", "/api/v1/alerts/**").hasAnyRole(STAFF);
  }
}
