package org.mashfrontdoor.intake.adapters.web;

import java.time.Clock;
import org.mashfrontdoor.intake.domain.SubmissionAllowance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each partner's MARF allowance ({@code INTAKE_RATE_LIMIT} per second, bursts of {@code INTAKE_RATE_BURST}). */
@Configuration(proxyBeanMethods = false)
class SubmissionRateLimitConfiguration {

  /** After Spring Security's filters (the partner is known by then), before the body is read by the controller. */
  @Bean
  FilterRegistrationBean<SubmissionRateLimit> submissionRateLimit(Clock clock,
      @Value("${mash.intake.rate-limit.per-second:50}") double perSecond,
      @Value("${mash.intake.rate-limit.burst:0}") int burst) {
    SubmissionAllowance allowance = new SubmissionAllowance(perSecond,
        burst > 0 ? burst : (int) Math.ceil(perSecond * 4));
    FilterRegistrationBean<SubmissionRateLimit> registration =
        new FilterRegistrationBean<>(new SubmissionRateLimit(allowance, clock));
    registration.addUrlPatterns("/api/v1/referrals");
    registration.setOrder(0);
    return registration;
  }
}
