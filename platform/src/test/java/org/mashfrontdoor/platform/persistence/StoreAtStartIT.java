package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.CuttableProxy;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A service waits for its store at start instead of exiting at its first store timeout, and gives up, saying so,
 * past its limit.
 */
@DisplayName("A service's start while its store is slow or away")
class StoreAtStartIT {

  final CuttableProxy proxy = CuttableProxy.to(EmbeddedInfrastructure.get().mongoUri());
  final String database = EmbeddedInfrastructure.get().freshDatabaseName("StoreAtStartIT");

  @AfterEach
  void closeProxy() throws Exception {
    proxy.close();
  }

  /** Makes an index at start, as the services' stores do, so the context cannot start without the store. */
  @Configuration(proxyBeanMethods = false)
  static class IndexAtStart {
    @Bean
    String referralsIndexed(MongoClient client, org.springframework.core.env.Environment env) {
      MongoDatabase db = client.getDatabase(env.getRequiredProperty("spring.mongodb.database"));
      return db.getCollection("referrals").createIndex(Indexes.ascending("receivedAt"));
    }
  }

  ApplicationContextRunner service() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class))
        .withUserConfiguration(StoreAtStart.class, IndexAtStart.class)
        .withPropertyValues("spring.mongodb.uri=mongodb://127.0.0.1:" + proxy.port()
            + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300", "spring.mongodb.database=" + database);
  }

  @Test
  void a_service_whose_store_is_away_at_start_waits_and_starts_once_it_answers() throws Exception {
    proxy.cut();
    CompletableFuture<String> started = CompletableFuture.supplyAsync(() -> {
      String[] index = new String[1];
      service().run(context -> {
        assertThat(context).hasNotFailed();
        index[0] = context.getBean("referralsIndexed", String.class);
      });
      return index[0];
    });
    // Many times the client's 300 ms server selection: without waiting, the start would have failed by now.
    assertThatThrownBy(() -> started.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);

    proxy.restore();
    assertThat(started.get(30, TimeUnit.SECONDS)).isEqualTo("receivedAt_1");
    try (MongoClient client = MongoClients.create(EmbeddedInfrastructure.get().mongoUri())) {
      assertThat(client.getDatabase(database).getCollection("referrals").listIndexes()
          .map(i -> i.getString("name")).into(new ArrayList<>())).contains("receivedAt_1");
    }
  }

  @Test
  void a_store_that_does_not_answer_within_the_limit_fails_the_start_saying_so() {
    proxy.cut();
    service().withPropertyValues("mash.store.start-timeout=PT1S").run(context ->
        assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
            "The store did not answer within PT1S of this service's start"));
  }
}
