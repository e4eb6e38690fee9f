package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.UUID;
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
 * Intake reaches its store through a proxy the test can cut. With the store away a partner gets 503 with
 * Retry-After, within the store timeout, and nothing is half-written; the same request retried later succeeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=referral-intake", "mash.store.timeout=PT1S"})
@DirtiesContext // its store goes away with the proxy: close the context rather than leave it retrying
@DisplayName("referral-intake when its store is unavailable")
class StoreUnavailableIT {

  static final String DATABASE = EmbeddedInfrastructure.get().freshDatabaseName("StoreUnavailableIT");
  static final CuttableProxy proxy = CuttableProxy.to(EmbeddedInfrastructure.get().mongoUri());

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry properties) {
    proxy.registerAsStore(properties, DATABASE, "store-unavailable-it");
  }


  @AfterAll
  static void closeProxy() throws IOException {
    proxy.close();
  }

  @Value("${local.server.port}")
  int port;

  final String school = TestTokens.partner("oak-primary", "SCHOOL", "Oak Primary",
      "referral:submit", "referral:read").mint();

  HttpResponse<String> post(String idempotencyKey) throws Exception {
    return TestHttp.on(port).postJson("/api/v1/referrals", school, ReferralIntakeIT.MARF,
        "Idempotency-Key", idempotencyKey);
  }

  static long stored(String collection) {
    try (MongoClient direct = MongoClients.create(EmbeddedInfrastructure.get().mongoUri())) {
      return direct.getDatabase(DATABASE).getCollection(collection).countDocuments();
    }
  }

  @Test
  void answers_503_with_retry_after_keeps_nothing_and_a_retry_later_succeeds() throws Exception {
    assertThat(post(UUID.randomUUID().toString()).statusCode()).isEqualTo(202);
    long referralsBefore = stored("referrals");

    proxy.cut();
    String key = UUID.randomUUID().toString();
    long started = System.nanoTime();
    HttpResponse<String> refused = post(key);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(tookMillis).as("answered within the store timeout, not hung").isLessThan(10_000);
    assertThat(refused.body()).as("intake's own advice").contains("same Idempotency-Key");
    assertThat(stored("referrals")).isEqualTo(referralsBefore);

    proxy.restore();
    HttpResponse<String> retried = post(key);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
    assertThat(stored("referrals")).isEqualTo(referralsBefore + 1);
  }
}
