package org.mashfrontdoor.platform.staffpages;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * GOV.UK Frontend's stylesheet asks for its fonts and images at {@code /assets/...}: serve them from the webjar
 * (whatever version the build brought), so staff pages need no Node build step and nothing from the internet. On in
 * any service with the {@code org.webjars.npm:govuk-frontend} webjar.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.webjars.WebJarVersionLocator")
public class GovukFrontendAssets implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String version = new WebJarVersionLocator().version("govuk-frontend");
    if (version != null) {
      registry.addResourceHandler("/assets/**").addResourceLocations(
          "classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
    }
  }
}
