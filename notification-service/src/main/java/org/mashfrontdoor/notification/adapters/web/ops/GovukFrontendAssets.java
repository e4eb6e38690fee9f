package org.mashfrontdoor.notification.adapters.web.ops;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * GOV.UK Frontend's stylesheet asks for its fonts and images at {@code /assets/...}: serve them from the webjar
 * (whatever version the build brought), so the page needs no Node build step and nothing from the internet.
 */
@Configuration(proxyBeanMethods = false)
class GovukFrontendAssets implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String version = new WebJarVersionLocator().version("govuk-frontend");
    registry.addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
  }
}
