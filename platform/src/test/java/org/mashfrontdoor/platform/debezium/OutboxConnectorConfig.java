package org.mashfrontdoor.platform.debezium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * The production Kafka Connect registration in {@code deploy/debezium/outbox-connector.json}, read by the tests
 * so that what they prove is the file we deploy, not a copy of it.
 */
public record OutboxConnectorConfig(String name, Map<String, String> config) {

  public static final String ROUTER_CLASS = "io.debezium.connector.mongodb.transforms.outbox.MongoEventRouter";

  /** Surefire runs with the module directory as working directory; the deploy folder is beside it. */
  public static final Path FILE = Path.of("..", "deploy", "debezium", "outbox-connector.json");

  public static OutboxConnectorConfig load() {
    try {
      JsonNode root = EventJson.mapper().readTree(Files.readString(FILE));
      Map<String, String> config = new LinkedHashMap<>();
      root.get("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asString()));
      return new OutboxConnectorConfig(root.get("name").asString(), config);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + FILE.toAbsolutePath(), e);
    }
  }

  /** One transform of the chain: its class and its settings without prefix and type. */
  public record Transform(String type, Map<String, String> settings) {
  }

  /** Every transform in the order Kafka Connect applies them ({@code transforms}). */
  public List<Transform> transforms() {
    List<Transform> chain = new ArrayList<>();
    for (String alias : config.getOrDefault("transforms", "").split(",")) {
      chain.add(new Transform(config.get("transforms." + alias.trim() + ".type"), settingsOf(alias.trim())));
    }
    return chain;
  }

  /** The settings of the transform whose type is Debezium's MongoEventRouter, without its prefix and type. */
  public Map<String, String> routerSettings() {
    return transforms().stream().filter(t -> ROUTER_CLASS.equals(t.type())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + ROUTER_CLASS + " transform in " + FILE))
        .settings();
  }

  private Map<String, String> settingsOf(String alias) {
    String prefix = "transforms." + alias + ".";
    Map<String, String> settings = new LinkedHashMap<>();
    config.forEach((key, value) -> {
      if (key.startsWith(prefix) && !key.equals(prefix + "type")) {
        settings.put(key.substring(prefix.length()), value);
      }
    });
    return settings;
  }
}
