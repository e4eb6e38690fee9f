package org.mashfrontdoor.intake.adapters.web;

import org.mashfrontdoor.platform.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the partner API: a partner system's client-credentials token with scope {@code referral:submit} to
 * post a MARF, {@code referral:read} to follow its referrals (which referrals it sees is the use case's business:
 * only its own). MASH staff tokens carry roles, not these scopes: a MASH social worker may post a MARF recording a
 * contact made by telephone or email (with its {@code source}); reading referrals here is for their referrers, so
 * staff read contacts in triage.
 */
@Configuration(proxyBeanMethods = false)
class PartnerAccess {

  static final String SUBMIT = "SCOPE_referral:submit";
  static final String READ = "SCOPE_referral:read";
  static final String RECORDING_STAFF = "ROLE_" + TokenCallingPartner.MASH_SOCIAL_WORKER;

  @Bean
  ApiAccessRules partnerApiAccess() {
    return api -> api
        .requestMatchers(HttpMethod.POST, "/api/v1/referrals").hasAnyAuthority(SUBMIT, RECORDING_STAFF)
        .requestMatchers(HttpMethod.GET, "/api/v1/referrals", "/api/v1/referrals/**").hasAuthority(READ)
        // HEAD is a GET without the body: the same rule, else the platform refuses it.
        .requestMatchers(HttpMethod.HEAD, "/api/v1/referrals", "/api/v1/referrals/**").hasAuthority(READ)
        // A partner's webhook receives its referrals' status: managing it is part of reading them.
        .requestMatchers("/api/v1/webhook").hasAuthority(READ);
  }
}
