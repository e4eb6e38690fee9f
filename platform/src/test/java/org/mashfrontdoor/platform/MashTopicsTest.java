package org.mashfrontdoor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The one definition of the services' topics, as a three-broker cluster gets it (deploy/local/up KAFKA_BROKERS=3). */
class MashTopicsTest {

  @Test
  void every_topic_and_dead_letter_topic_gets_the_replication_and_min_insync_replicas_asked_for() {
    var topics = PlatformAutoConfiguration.topics(3, (short) 3, 2);

    assertThat(topics).extracting(NewTopic::name).containsExactlyInAnyOrder("mash.referral.events",
        "mash.referral.events.DLT", "mash.triage.events", "mash.triage.events.DLT", "mash.case.events",
        "mash.case.events.DLT");
    assertThat(topics).allSatisfy(topic -> {
      assertThat(topic.numPartitions()).isEqualTo(3);
      assertThat(topic.replicationFactor()).isEqualTo((short) 3);
      assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
    });
  }
}
