// Prints "<topic> <records>" for each topic named: the sum of its partitions' end offsets (records ever written;
// a dead-letter topic is never compacted, so this counts its dead letters). A topic that does not exist is 0.
// Run with the local stack's Kafka classpath:  java -cp "$(cat .run/classpath.txt)" TopicEnds.java <bootstrap> <topic>...
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public class TopicEnds {

  public static void main(String[] args) {
    Properties config = new Properties();
    config.put("bootstrap.servers", args[0]);
    config.put("key.deserializer", ByteArrayDeserializer.class.getName());
    config.put("value.deserializer", ByteArrayDeserializer.class.getName());
    config.put("default.api.timeout.ms", "15000");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(15));
      for (int i = 1; i < args.length; i++) {
        List<PartitionInfo> partitions = topics.getOrDefault(args[i], List.of());
        long records = consumer.endOffsets(partitions.stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList(), Duration.ofSeconds(15))
            .values().stream().mapToLong(Long::longValue).sum();
        System.out.println(args[i] + " " + records);
      }
    }
  }
}
