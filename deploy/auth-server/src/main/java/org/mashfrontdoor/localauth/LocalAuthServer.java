package org.mashfrontdoor.localauth;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The local stack's OAuth2/OIDC provider: Spring Authorization Server with the clients and staff of
 * {@code deploy/local/partners.json}, signing with the development issuer's key. Never for production (ADR 0009).
 */
@SpringBootApplication
@EnableConfigurationProperties(AuthSettings.class)
public class LocalAuthServer {

  /** Reads {@code local-auth-server.yml}, not application.yml, so it can share a JVM with the services in a test. */
  public static final String CONFIG_NAME = "local-auth-server";

  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(LocalAuthServer.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    return application;
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
