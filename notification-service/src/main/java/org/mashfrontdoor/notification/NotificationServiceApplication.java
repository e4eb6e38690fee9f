package org.mashfrontdoor.notification;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotificationServiceApplication {

  /** Each service reads {@code notification-service.yml}, not application.yml, so all four can share one JVM in the e2e test. */
  public static final String CONFIG_NAME = "notification-service";

  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(NotificationServiceApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    return application;
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
