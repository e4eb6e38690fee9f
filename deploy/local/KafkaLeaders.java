// Prints who leads what in the local Kafka cluster, for deploy/local/up (waits for every broker) and broker-loss:
//   brokers <node ids of the registered brokers, comma-separated>
//   quorum <node id of the active KRaft controller>
//   <topic> <partition> <leader node id, -1 when none> <replicas, comma-separated> <in-sync replicas, comma-separated>
// one line per partition of each topic named (a topic that does not exist prints nothing).
// Run with the local stack's Kafka classpath:
//   java -cp "$(cat .run/classpath.txt)" KafkaLeaders.java <bootstrap> <topic>...
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

public class KafkaLeaders {

  public static void main(String[] args) throws Exception {
    Properties config = new Properties();
    config.put("bootstrap.servers", args[0]);
    config.put("request.timeout.ms", "10000"); // a dead broker's request fails over fast enough to ask again
    config.put("default.api.timeout.ms", "15000");
    try (Admin admin = Admin.create(config)) {
      System.out.println("brokers " + admin.describeCluster().nodes().get().stream().mapToInt(Node::id).sorted()
          .mapToObj(Integer::toString).collect(Collectors.joining(",")));
      System.out.println("quorum " + admin.describeMetadataQuorum().quorumInfo().get().leaderId());
      List<String> topics = Arrays.asList(args).subList(1, args.length);
      List<String> existing = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream().filter(topics::contains).toList();
      Map<String, TopicDescription> described = admin.describeTopics(existing).allTopicNames().get();
      for (String topic : existing) {
        for (TopicPartitionInfo p : described.get(topic).partitions()) {
          System.out.println(topic + " " + p.partition() + " " + (p.leader() == null ? -1 : p.leader().id()) + " "
              + ids(p.replicas()) + " " + ids(p.isr()));
        }
      }
    }
  }

  static String ids(List<Node> nodes) {
    return nodes.stream().map(n -> Integer.toString(n.id())).collect(Collectors.joining(","));
  }
}
