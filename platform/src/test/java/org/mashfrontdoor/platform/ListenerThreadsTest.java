package org.mashfrontdoor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/** Record listeners get one thread per partition of the topics, unless Boot's concurrency property says otherwise. */
class ListenerThreadsTest {

  private final PlatformAutoConfiguration platform = new PlatformAutoConfiguration();

  private static ConcurrentMessageListenerContainer<Object, Object> container() {
    return new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of()),
        new ContainerProperties("mash.referral-events"));
  }

  @Test
  void aListenerHasAThreadForEachPartition() {
    ConcurrentMessageListenerContainer<Object, Object> container = container();
    platform.listenerThreadPerPartition(6, null).configure(container);
    assertThat(container.getConcurrency()).isEqualTo(6);
  }

  @Test
  void springKafkaListenerConcurrencyWinsWhenSet() {
    ConcurrentMessageListenerContainer<Object, Object> container = container();
    platform.listenerThreadPerPartition(6, 2).configure(container);
    assertThat(container.getConcurrency()).isEqualTo(2);
  }
}
