package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@WithEmbeddedInfrastructure
@SpringBootTest(classes = ApiAccessRulesIT.TwoRulesService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("A service with two access-rules beans applies both; its API never falls back to open")
class ApiAccessRulesIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class TwoRulesService {

    @RestController
    static class Endpoints {
      @GetMapping("/api/v1/referrals")
      String referrals() {
        return "referrals";
      }

      @GetMapping("/api/v1/webhook")
      String webhook() {
        return "webhook";
      }
    }

    @Bean
    ApiAccessRules referralRules() {
      return api -> api.requestMatchers("/api/v1/referrals").hasAuthority("SCOPE_referral:read");
    }

    @Bean
    ApiAccessRules webhookRules() {
      return api -> api.requestMatchers("/api/v1/webhook").hasAuthority("SCOPE_webhook:manage");
    }
  }

  @Value("${local.server.port}")
  int port;

  int status(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", TestTokens.bearer(token));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void both_rules_hold() throws Exception {
    String reader = TestTokens.partner("p1", "SCHOOL", "Oak Primary", "referral:read").mint();
    String webhookManager = TestTokens.partner("p1", "SCHOOL", "Oak Primary", "webhook:manage").mint();

    assertThat(status("/api/v1/referrals", null)).isEqualTo(401);
    assertThat(status("/api/v1/webhook", null)).isEqualTo(401);
    assertThat(status("/api/v1/referrals", reader)).isEqualTo(200);
    assertThat(status("/api/v1/webhook", reader)).isEqualTo(403);
    assertThat(status("/api/v1/webhook", webhookManager)).isEqualTo(200);
    assertThat(status("/actuator/health", null)).isEqualTo(200);
  }
}
