package org.mashfrontdoor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.Topics;

/** The one topic definition: names, partitions, replication and min.insync.replicas as configured. */
class MashTopicsTest {

  private static List<NewTopic> topics(Integer minInsync) {
    return PlatformAutoConfiguration.topics(6, (short) 3, minInsync);
  }

  @Test
  void sixTopicsWithTheConfiguredPartitionsAndReplicas() {
    assertThat(topics(null)).extracting(NewTopic::name).containsExactly(
        Topics.REFERRAL_EVENTS, Topics.REFERRAL_EVENTS + ".DLT", Topics.TRIAGE_EVENTS, Topics.TRIAGE_EVENTS + ".DLT",
        Topics.CASE_EVENTS, Topics.CASE_EVENTS + ".DLT");
    assertThat(topics(null)).allSatisfy(topic -> {
      assertThat(topic.numPartitions()).isEqualTo(6);
      assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    });
  }

  @Test
  void minInsyncReplicasIsSetOnEveryTopicWhenConfigured() {
    assertThat(topics(2)).allSatisfy(topic ->
        assertThat(topic.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
  }

  @Test
  void unsetMinInsyncReplicasLeavesTheBrokersDefault() {
    // A topic-level 1 would override a broker configured with min.insync.replicas=2.
    assertThat(topics(null)).allSatisfy(topic -> assertThat(topic.configs() == null
        || !topic.configs().containsKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).isTrue());
  }
}
