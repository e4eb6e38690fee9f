package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
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

      @GetMapping("/api/v1/audit")
      String audit() {
        return "audit";
      }
    }

    /** Counts the calls reaching Boot's decoder, behind the API's chain. */
    @Bean
    static BeanPostProcessor countingDecoder() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof JwtDecoder decoder) {
            return (JwtDecoder) token -> {
              DECODED.add(token);
              return decoder.decode(token);
            };
          }
          return bean;
        }
      };
    }

    @Bean
    ApiAccessRules referralRules() {
      return api -> api.requestMatchers("/api/v1/referrals").hasAuthority("SCOPE_referral:read");
    }

    @Bean
    ApiAccessRules webhookRules() {
      return api -> api.requestMatchers("/api/v1/webhook").hasAuthority("SCOPE_webhook:manage")
          // GET only, as a careless rule would be written: HEAD and OPTIONS must not slip past it.
          .requestMatchers(HttpMethod.GET, "/api/v1/audit").hasRole("MASH_MANAGER");
    }
  }

  static final List<String> DECODED = new CopyOnWriteArrayList<>();

  @Value("${local.server.port}")
  int port;

  int status(String path, String token) throws Exception {
    return send("GET", path, token).statusCode();
  }

  HttpResponse<String> send(String method, String path, String token) throws Exception {
    TestHttp http = TestHttp.on(port);
    return http.send(http.request(path, token).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  static TestTokens.Claims reader() {
    return TestTokens.partner("p1", "SCHOOL", "Oak Primary", "referral:read");
  }

  @Test
  void a_token_from_another_issuer_for_another_audience_without_or_past_its_expiry_is_refused() throws Exception {
    assertThat(status("/api/v1/referrals", reader().mint())).as("control").isEqualTo(200);
    assertThat(status("/api/v1/referrals", reader().claim("iss", "https://elsewhere.example").mint()))
        .as("wrong issuer").isEqualTo(401);
    assertThat(status("/api/v1/referrals", reader().claim("iss", null).mint())).as("no issuer").isEqualTo(401);
    assertThat(status("/api/v1/referrals", reader().claim("aud", "another-api").mint()))
        .as("wrong audience").isEqualTo(401);
    assertThat(status("/api/v1/referrals", reader().claim("aud", null).mint())).as("no audience").isEqualTo(401);
    assertThat(status("/api/v1/referrals", reader().claim("exp", null).mint())).as("no exp").isEqualTo(401);
    assertThat(status("/api/v1/referrals", reader().expiringAt(Instant.now().minusSeconds(300)).mint()))
        .as("expired").isEqualTo(401);
    assertThat(status("/api/v1/referrals", reader().claim("aud", List.of("another-api", TestTokens.AUDIENCE)).mint()))
        .as("one of several audiences").isEqualTo(200);
  }

  @Test
  void a_token_verified_once_is_not_verified_again_at_the_next_request_and_another_token_is() throws Exception {
    String token = reader().mint();
    String another = reader().claim("jti", "another").mint();

    assertThat(status("/api/v1/referrals", token)).isEqualTo(200);
    assertThat(status("/api/v1/referrals", token)).isEqualTo(200);
    assertThat(status("/api/v1/webhook", token)).isEqualTo(403);
    assertThat(status("/api/v1/referrals", another)).isEqualTo(200);
    int middle = token.lastIndexOf('.') + (token.length() - token.lastIndexOf('.')) / 2;
    char altered = token.charAt(middle) == 'A' ? 'B' : 'A';
    assertThat(status("/api/v1/referrals", token.substring(0, middle) + altered + token.substring(middle + 1)))
        .as("signature altered").isEqualTo(401);

    assertThat(DECODED).filteredOn(token::equals).hasSize(1);
    assertThat(DECODED).filteredOn(another::equals).hasSize(1);
  }

  @Test
  void head_and_options_get_nothing_a_rule_does_not_grant() throws Exception {
    String socialWorker = TestTokens.staff("sw-1", "MASH_SOCIAL_WORKER").mint();
    String manager = TestTokens.staff("mgr-1", "MASH_MANAGER").mint();
    assertThat(status("/api/v1/audit", manager)).as("control").isEqualTo(200);

    for (String method : List.of("HEAD", "OPTIONS")) {
      assertThat(send(method, "/api/v1/audit", null).statusCode()).as(method + " without a token").isEqualTo(401);
      HttpResponse<String> wrongRole = send(method, "/api/v1/audit", socialWorker);
      assertThat(wrongRole.statusCode()).as(method + " with the wrong role").isEqualTo(403);
      assertThat(wrongRole.headers().firstValue("Allow")).as(method).isEmpty();
      assertThat(send(method, "/api/v1/referrals", null).statusCode()).as(method).isEqualTo(401);
      assertThat(send(method, "/api/v1/referrals", socialWorker).statusCode()).as(method).isEqualTo(403);
    }
    assertThat(send("HEAD", "/api/v1/referrals", reader().mint()).statusCode()).isEqualTo(200);
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
    assertThat(status("/api/v1/unruled", reader)).as("a path no rule names").isEqualTo(403);
  }
}
