package org.mashfrontdoor.notification.adapters.web;

import org.mashfrontdoor.platform.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may read the KPIs: MASH managers, the head of service and operations staff ({@code OPS}). Rebuilding the
 * projection is an operations task only.
 */
@Configuration(proxyBeanMethods = false)
class KpiAccess {

  static final String[] READERS = {"MASH_MANAGER", "HEAD_OF_SERVICE", "OPS"};

  @Bean
  ApiAccessRules kpiApiAccess() {
    return api -> api
        .requestMatchers(HttpMethod.POST, "/api/v1/kpis/rebuild").hasRole("OPS")
        .requestMatchers("/api/v1/kpis", "/api/v1/kpis/**").hasAnyRole(READERS);
  }
}
