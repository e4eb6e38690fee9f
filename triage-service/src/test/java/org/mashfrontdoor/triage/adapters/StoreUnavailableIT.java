package org.mashfrontdoor.triage.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.CuttableProxy;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Triage reaches its store through a proxy the test can cut. With the store away, staff get 503 with Retry-After
 * within seconds (platform's store timeout), not a request hanging for the driver's 30 s or a 500; with the store
 * back, the same read succeeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=triage-service", "mash.store.timeout=PT1S"})
@DirtiesContext // its store goes away with the proxy: close the context rather than leave it retrying
@DisplayName("triage-service when its store is unavailable")
class StoreUnavailableIT {

  static final String DATABASE = EmbeddedInfrastructure.get().freshDatabaseName("TriageStoreUnavailableIT");
  static final CuttableProxy proxy = CuttableProxy.to(EmbeddedInfrastructure.get().mongoUri());

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry properties) {
    proxy.registerAsStore(properties, DATABASE, "triage-store-unavailable-it");
  }


  @AfterAll
  static void closeProxy() throws IOException {
    proxy.close();
  }

  @Value("${local.server.port}")
  int port;

  final String manager = TestTokens.staff("mgr-store", "MASH_MANAGER").mint();

  HttpResponse<String> queue() throws Exception {
    return TestHttp.on(port).get("/api/v1/triage/queue", manager);
  }

  @Test
  void answers_503_with_retry_after_in_seconds_and_serves_again_once_the_store_is_back() throws Exception {
    assertThat(queue().statusCode()).isEqualTo(200);

    proxy.cut();
    long started = System.nanoTime();
    HttpResponse<String> refused = queue();
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(tookMillis).as("answered within the store timeout, not hung").isLessThan(10_000);

    proxy.restore();
    assertThat(queue().statusCode()).isEqualTo(200);
  }
}
