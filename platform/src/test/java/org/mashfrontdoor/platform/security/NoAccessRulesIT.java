package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@WithEmbeddedInfrastructure
@SpringBootTest(classes = NoAccessRulesIT.NoRulesService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.endpoints.web.exposure.include=health,info,prometheus")
@DisplayName("A service with no access rules grants nothing but the health probes")
class NoAccessRulesIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class NoRulesService {

    @RestController
    static class Endpoints {
      @GetMapping("/api/v1/things")
      String things() {
        return "secret-data";
      }
    }
  }

  @Value("${local.server.port}")
  int port;

  HttpResponse<String> get(String path, String token) throws Exception {
    return TestHttp.on(port).get(path, token);
  }

  @Test
  void no_rules_means_no_access() throws Exception {
    String anyone = TestTokens.staff("mgr-1", "MASH_MANAGER").claim("scope", "referral:read").mint();

    HttpResponse<String> anonymous = get("/api/v1/things", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    HttpResponse<String> withToken = get("/api/v1/things", anyone);
    assertThat(withToken.statusCode()).isEqualTo(403);
    assertThat(withToken.body()).doesNotContain("secret-data");
    assertThat(get("/error", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void metrics_need_the_metrics_scope() throws Exception {
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", TestTokens.staff("mgr-1", "MASH_MANAGER").mint()).statusCode())
        .isEqualTo(403);
    HttpResponse<String> scraped = get("/actuator/prometheus", TestTokens.metrics().mint());
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("jvm_memory_used_bytes");
  }
}
