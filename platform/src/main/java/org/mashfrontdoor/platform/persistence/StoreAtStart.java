package org.mashfrontdoor.platform.persistence;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A service waits for its store at start, up to {@code mash.store.start-timeout} (default 2 minutes), before anything
 * uses the store's client. The store timeout ({@code mash.store.timeout}, 2 s) is for requests, which answer 503
 * rather than hang; at start it made a service exit instead, when its index creation met a store slow to answer:
 * just opened on a large file, on a machine busy starting the whole stack. Past the limit the start fails, saying so.
 */
@Configuration(proxyBeanMethods = false)
public class StoreAtStart {

  private static final Logger log = LoggerFactory.getLogger(StoreAtStart.class);

  // Read from the environment when the client is made: a static post-processor bean gets no @Value conversion.
  @Bean
  static BeanPostProcessor awaitStoreAtStart(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MongoClient client) {
          await(client, DurationStyle.detectAndParse(environment.getProperty("mash.store.start-timeout", "PT2M")));
        }
        return bean;
      }
    };
  }

  /** Returns once the store answers a ping; each attempt waits out the client's server selection timeout. */
  static void await(MongoClient client, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      try {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        if (attempt > 1) {
          log.info("The store answered at attempt {}", attempt);
        }
        return;
      } catch (MongoTimeoutException | MongoSocketException e) {
        if (System.nanoTime() >= deadline) {
          client.close(); // not yet the context's to close: its monitor threads would outlive the failed start
          throw new IllegalStateException("The store did not answer within " + limit + " of this service's start", e);
        }
        if (attempt == 1) {
          log.warn("Waiting up to {} for the store: {}", limit, e.getMessage());
        }
        pauseAfterQuickFailure(start);
      }
    }
  }

  // A refused connection can fail at once; the next attempt waits a little instead of spinning.
  private static void pauseAfterQuickFailure(long attemptStart) {
    long elapsedMillis = (System.nanoTime() - attemptStart) / 1_000_000;
    if (elapsedMillis < 200) {
      try {
        Thread.sleep(200 - elapsedMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the store", e);
      }
    }
  }
}
