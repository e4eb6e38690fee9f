package org.mashfrontdoor.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Limits every service's request bodies (64 KB unless the service sets {@code mash.web.max-body-size}) and the
 * requests it works on at once ({@code mash.web.max-in-flight}, default 256).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebLimitsAutoConfiguration {

  /** First of all filters: an oversized body is refused before security or anything else reads it. */
  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
      @Value("${mash.web.max-body-size:64KB}") DataSize limit) {
    FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(limit));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Right after the body limit: a busy service refuses before security decodes a token or anything reads. */
  @Bean
  FilterRegistrationBean<InFlightLimitFilter> inFlightLimitFilter(
      @Value("${mash.web.max-in-flight:256}") int limit) {
    FilterRegistrationBean<InFlightLimitFilter> registration =
        new FilterRegistrationBean<>(new InFlightLimitFilter(limit));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
