package org.mashfrontdoor.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event contract, {@code docs/asyncapi.yaml}, for tests: producers validate every event they emit against the
 * schema of its type ({@link #assertConforms}); consumers read every example of a type through their own tolerant
 * reader ({@link #assertReadsExamples}), so a producer renaming a field a consumer reads fails a build: the
 * producer's test if the schema was left alone, the consumer's if the schema (and its examples) followed the rename.
 */
public final class EventContract {

  /** Surefire runs with the module directory as working directory; docs is beside it. */
  public static final Path FILE = Path.of("..", "docs", "asyncapi.yaml");

  private static EventContract loaded;

  private final JsonNode document;
  private final Map<String, JsonNode> messagesByType = new LinkedHashMap<>();
  private final Map<String, Schema> schemas = new LinkedHashMap<>();
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private EventContract(JsonNode document) {
    this.document = document;
    document.get("components").get("messages").forEach(m -> messagesByType.put(m.get("name").asString(), m));
  }

  /** The document, read once per test JVM. */
  public static synchronized EventContract get() {
    if (loaded == null) {
      try {
        loaded = new EventContract(EventJson.mapper().valueToTree(yaml().load(Files.readString(FILE))));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
      }
    }
    return loaded;
  }

  /** YAML as JSON Schema means it: no timestamps (a date stays a string) and only true/false as booleans. */
  private static Yaml yaml() {
    Resolver jsonLike = new Resolver() {
      @Override
      protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
        addImplicitResolver(Tag.INT, Pattern.compile("^-?(?:0|[1-9][0-9]*)$"), "-0123456789");
        addImplicitResolver(Tag.FLOAT, Pattern.compile("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"),
            "-0123456789");
        addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|)$"), "~n\0");
      }
    };
    LoaderOptions options = new LoaderOptions();
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, jsonLike);
  }

  /** Every event type the document names (its messages' {@code name}). */
  public Set<String> types() {
    return new TreeSet<>(messagesByType.keySet());
  }

  /** The types a channel (by address, e.g. {@code mash.triage.events}) carries. */
  public Set<String> typesOn(String topic) {
    Set<String> types = new TreeSet<>();
    document.get("channels").forEach(channel -> {
      if (channel.get("address").asString().equals(topic)) {
        channel.get("messages").forEach(ref -> types.add(resolve(ref.get("$ref").asString()).get("name").asString()));
      }
    });
    return types;
  }

  /** The violations of an event (envelope and data) against the schema of its type; empty when it conforms. */
  public List<String> violations(String eventJson) {
    JsonNode event = EventJson.mapper().readTree(eventJson);
    String type = event.path("type").asString();
    if (!messagesByType.containsKey(type)) {
      return List.of("docs/asyncapi.yaml has no message named " + type);
    }
    return schemaOf(type).validate(event).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  /** Fails unless the event, as it goes on the wire, conforms to the schema of its type. */
  public void assertConforms(EventEnvelope event) {
    String json = EventJson.write(event);
    assertThat(violations(json)).as("%s against docs/asyncapi.yaml: %s", event.type(), json).isEmpty();
  }

  /** Each example of the type's message, as the envelope JSON on the wire. */
  public List<String> examples(String type) {
    JsonNode message = message(type);
    List<String> examples = new ArrayList<>();
    message.path("examples").forEach(e -> examples.add(EventJson.mapper().writeValueAsString(e.get("payload"))));
    assertThat(examples).as("examples of %s", type).isNotEmpty();
    return examples;
  }

  /** The values of a named list under {@code components.schemas} (e.g. {@code MashOutcome}). */
  public List<String> enumValues(String schemaName) {
    JsonNode values = document.get("components").get("schemas").path(schemaName).path("enum");
    assertThat(values.isArray()).as("components.schemas.%s.enum", schemaName).isTrue();
    List<String> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asString()));
    return list;
  }

  /** Fails unless the document's list is exactly the Java enum's constants, in order. */
  public void assertListIs(String schemaName, Class<? extends Enum<?>> values) {
    assertThat(enumValues(schemaName)).as("components.schemas.%s against %s", schemaName, values.getName())
        .containsExactlyElementsOf(Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
  }

  /**
   * Reads every example of the given types through a consumer's tolerant reader of {@code data} (a record), the
   * way the consumer does ({@link EventEnvelope#dataAs}), and fails unless each field the reader declares is
   * carried by some example and read as the example has it. Nested records are compared field by field too.
   */
  public void assertReadsExamples(Class<? extends Record> reader, String... types) {
    Set<String> carried = new TreeSet<>();
    for (String type : types) {
      for (String example : examples(type)) {
        EventEnvelope event = EventJson.read(example);
        assertThat(violations(example)).as("example of %s is valid", type).isEmpty();
        ObjectNode data = (ObjectNode) event.data();
        JsonNode read = EventJson.mapper().valueToTree(event.dataAs(reader));
        for (RecordComponent field : reader.getRecordComponents()) {
          if (data.has(field.getName())) {
            carried.add(field.getName());
            assertSameAs(read.get(field.getName()), data.get(field.getName()),
                type + " data." + field.getName() + " read by " + reader.getName());
          }
        }
      }
    }
    assertThat(carried).as("fields %s reads that no example of %s carries (renamed or dropped by the producer?)",
            reader.getName(), Arrays.toString(types))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(reader.getRecordComponents())
            .map(RecordComponent::getName).toList());
  }

  /** {@code read} (what the reader kept) against {@code sent}: every field read is sent, with the same value. */
  private static void assertSameAs(JsonNode read, JsonNode sent, String where) {
    if (read.isObject()) {
      assertThat(sent.isObject()).as(where).isTrue();
      read.properties().forEach(e -> {
        assertThat(sent.has(e.getKey())).as("%s.%s is sent", where, e.getKey()).isTrue();
        assertSameAs(e.getValue(), sent.get(e.getKey()), where + "." + e.getKey());
      });
    } else if (read.isArray()) {
      assertThat(sent.size()).as(where).isEqualTo(read.size());
      for (int i = 0; i < read.size(); i++) {
        assertSameAs(read.get(i), sent.get(i), where + "[" + i + "]");
      }
    } else if (read.isNumber() && sent.isNumber()) {
      assertThat(read.decimalValue()).as(where).isEqualByComparingTo(sent.decimalValue());
    } else {
      assertThat(read).as(where).isEqualTo(sent);
    }
  }

  private JsonNode message(String type) {
    JsonNode message = messagesByType.get(type);
    assertThat(message).as("docs/asyncapi.yaml message named %s", type).isNotNull();
    return message;
  }

  private synchronized Schema schemaOf(String type) {
    return schemas.computeIfAbsent(type, t -> {
      // The payload's $ref points into components; the schema is given the whole components tree to resolve it.
      ObjectNode root = EventJson.mapper().createObjectNode();
      root.put("$schema", "http://json-schema.org/draft-07/schema#");
      root.put("$ref", message(t).get("payload").get("$ref").asString());
      root.set("components", document.get("components"));
      return registry.getSchema(root);
    });
  }

  private JsonNode resolve(String ref) {
    JsonNode node = document;
    for (String part : ref.substring(2).split("/")) {
      node = node.get(part);
    }
    return node;
  }
}
