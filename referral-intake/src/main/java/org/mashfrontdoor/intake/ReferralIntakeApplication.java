package org.mashfrontdoor.intake;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReferralIntakeApplication {

  /** Each service reads {@code referral-intake.yml}, not application.yml, so all four can share one JVM in the e2e test. */
  public static final String CONFIG_NAME = "referral-intake";

  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(ReferralIntakeApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
    return application;
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
