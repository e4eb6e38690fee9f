package org.mashfrontdoor.notification.adapters.web.ops;

import org.mashfrontdoor.platform.staffpages.StaffPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ops page is a staff page ({@link StaffPage}): staff sign in at the OIDC provider ({@code MASH_SIGN_IN_ISSUER})
 * as the platform sets it up for every service's pages; MASH managers, the head of service and operations staff may
 * see it. Without a sign-in issuer the page is off (its paths answer 401 like any API path without a token).
 */
@Configuration(proxyBeanMethods = false)
class OpsPageSecurity {

  static final String[] READERS = {"MASH_MANAGER", "HEAD_OF_SERVICE", "OPS"};

  @Bean
  StaffPage opsPage() {
    return new StaffPage("/ops/", READERS);
  }
}
