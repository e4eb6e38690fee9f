package org.mashfrontdoor.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mashfrontdoor.deployment.DeploymentManifests.at;
import static org.mashfrontdoor.deployment.DeploymentManifests.map;
import static org.mashfrontdoor.deployment.DeploymentManifests.maps;
import static org.mashfrontdoor.deployment.DeploymentManifests.strings;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.deployment.DeploymentManifests.Manifest;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.DebeziumContainers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/k8s and deploy/compose checked without a cluster or Docker: every manifest parses into fabric8's typed
 * objects, and the wiring agrees with what the services really read and serve (their own yml and sources), with
 * the platform's one topic definition, with deploy/debezium's connector and deploy/observability's rules.
 */
@DisplayName("Deployment manifests (deploy/k8s, deploy/compose) match the services")
class DeploymentManifestsTest {

  static List<Manifest> base;
  static Map<String, ServiceSettings> services;
  static Map<String, List<String>> expectedSecrets;

  @BeforeAll
  static void read() {
    base = DeploymentManifests.base();
    services = new TreeMap<>();
    ServiceSettings.SERVICES.forEach(name -> services.put(name, ServiceSettings.read(name)));
    expectedSecrets = DeploymentManifests.expectedSecrets();
  }

  static <T> List<T> all(Class<T> type) {
    return base.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
  }

  static List<Manifest> generic(String kind) {
    return base.stream().filter(m -> m.kind().equals(kind)).toList();
  }

  static Manifest one(String kind, String name) {
    return base.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s/base"));
  }

  static Deployment deployment(String service) {
    return (Deployment) one("Deployment", service).object();
  }

  static Container container(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
  }

  static ConfigMap configMap(String name) {
    return (ConfigMap) one("ConfigMap", name).object();
  }

  // ---- Kustomize: files, patches ------------------------------------------------------------------------

  @Test
  void everyFileEachKustomizationListsExistsAndEveryManifestIsListed() {
    Set<Path> listed = new TreeSet<>();
    for (Path folder : List.of(DeploymentManifests.BASE, DeploymentManifests.PRODUCTION)) {
      Map<String, Object> kustomization = DeploymentManifests.kustomization(folder);
      for (String resource : strings(kustomization.get("resources"))) {
        Path path = folder.resolve(resource).normalize();
        assertThat(DeploymentManifests.exists(path.resolve("kustomization.yaml")) || DeploymentManifests.exists(path))
            .as("%s lists %s", folder, resource).isTrue();
        listed.add(path);
      }
      for (Map<String, Object> generator : maps(kustomization.get("configMapGenerator"))) {
        for (String file : strings(generator.get("files"))) {
          assertThat(folder.resolve(file)).as("%s generates from %s", folder, file).exists();
          listed.add(folder.resolve(file).normalize());
        }
      }
      for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
        Path path = folder.resolve((String) patch.get("path"));
        assertThat(path).as("%s patches with %s", folder, path).exists();
        listed.add(path.normalize());
      }
    }
    // A manifest nobody lists would never be applied.
    List<Path> files = Stream.of(ServiceSettings.files(DeploymentManifests.K8S, ".yaml"),
            ServiceSettings.files(DeploymentManifests.K8S, ".js")).flatMap(List::stream)
        .filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).map(Path::normalize).toList();
    assertThat(listed).containsAll(files);
    assertThat(base).as("objects in the base").hasSizeGreaterThan(30)
        .allSatisfy(m -> assertThat(m.name()).as(m.file().toString()).isNotBlank());
  }

  @Test
  void productionPatchesTargetObjectsOfTheBase() {
    Map<String, Object> kustomization = DeploymentManifests.kustomization(DeploymentManifests.PRODUCTION);
    for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
      Path file = DeploymentManifests.PRODUCTION.resolve((String) patch.get("path"));
      Map<String, Object> target = map(patch.get("target"));
      List<Object> documents = DeploymentManifests.documents(file);
      if (target.isEmpty()) {
        // A strategic merge patch is a partial object of the kind it names, and names an object of the base.
        Map<String, Object> object = map(documents.getFirst());
        Manifest patched = one((String) object.get("kind"), (String) at(object, "metadata", "name"));
        HasMetadata typed = DeploymentManifests.typed(object, file);
        assertThat(typed).as("%s parses as the kind it patches", file).isInstanceOf(patched.object().getClass());
        continue;
      }
      List<Manifest> targets = base.stream().filter(m -> m.kind().equals(target.get("kind")))
          .filter(m -> target.get("name") == null || m.name().equals(target.get("name")))
          .filter(m -> selects((String) target.get("labelSelector"), m.object().getMetadata().getLabels()))
          .toList();
      assertThat(targets).as("objects %s aims at", file).isNotEmpty();
      // A JSON patch: every path it replaces exists in every object it aims at.
      List<Map<String, Object>> operations = maps(documents.getFirst());
      for (Manifest aimed : targets) {
        JsonNode tree = JsonMapper.shared().valueToTree(aimed.tree());
        for (Map<String, Object> operation : operations) {
          assertThat(tree.at((String) operation.get("path")).isMissingNode())
              .as("%s: %s %s on %s %s", file, operation.get("op"), operation.get("path"), aimed.kind(), aimed.name())
              .isFalse();
        }
      }
    }
  }

  static boolean selects(String selector, Map<String, String> labels) {
    if (selector == null) {
      return true;
    }
    return Stream.of(selector.split(",")).map(s -> s.split("=", 2))
        .allMatch(kv -> labels != null && kv[1].equals(labels.get(kv[0])));
  }

  // ---- Services, probes, ports --------------------------------------------------------------------------

  @Test
  void everyServiceSelectsPodsThatServeItsTargetPort() {
    List<PodTemplateSpec> pods = new ArrayList<>();
    all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate()));
    all(StatefulSet.class).forEach(s -> pods.add(s.getSpec().getTemplate()));
    assertThat(all(Service.class)).hasSizeGreaterThanOrEqualTo(5).allSatisfy(service -> {
      Map<String, String> selector = service.getSpec().getSelector();
      assertThat(selector).as("Service %s selector", service.getMetadata().getName()).isNotEmpty();
      List<PodTemplateSpec> selected = pods.stream()
          .filter(p -> p.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
      assertThat(selected).as("pods Service %s selects", service.getMetadata().getName()).isNotEmpty();
      for (ServicePort port : service.getSpec().getPorts()) {
        for (PodTemplateSpec pod : selected) {
          List<ContainerPort> served = pod.getSpec().getContainers().stream()
              .flatMap(c -> c.getPorts().stream()).toList();
          assertThat(served).as("Service %s targetPort %s", service.getMetadata().getName(), port.getTargetPort())
              .anyMatch(p -> port.getTargetPort().getStrVal() != null
                  ? port.getTargetPort().getStrVal().equals(p.getName())
                  : port.getTargetPort().getIntVal().equals(p.getContainerPort()));
        }
      }
    });
    // Every PodDisruptionBudget and autoscaler is for something that exists.
    all(PodDisruptionBudget.class).forEach(pdb -> assertThat(pods).as("pods of PDB %s", pdb.getMetadata().getName())
        .anyMatch(p -> p.getMetadata().getLabels().entrySet()
            .containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet())));
    all(HorizontalPodAutoscaler.class).forEach(hpa -> deployment(hpa.getSpec().getScaleTargetRef().getName()));
  }

  @Test
  void probesHitTheActuatorHealthGroupsOnThePortTheServiceListensOn() {
    services.forEach((name, settings) -> {
      Deployment deployment = deployment(name);
      Container container = container(deployment);
      assertThat(settings.property("management.endpoint.health.probes.enabled"))
          .as("%s enables the liveness and readiness groups", name).isEqualTo(true);
      assertThat(settings.property("management.server.port")).as("%s: actuator on the main port", name).isNull();
      int port = env(container).containsKey("PORT") ? Integer.parseInt(env(container).get("PORT"))
          : settings.defaultPort();
      assertThat(port).as("%s's port (its yml's default)", name).isEqualTo(settings.defaultPort());
      ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
          .orElseThrow();
      assertThat(http.getContainerPort()).as("%s container port", name).isEqualTo(port);
      String base = settings.actuatorBasePath();
      assertProbe(name, "liveness", container.getLivenessProbe().getHttpGet(), base + "/health/liveness");
      assertProbe(name, "readiness", container.getReadinessProbe().getHttpGet(), base + "/health/readiness");
      assertProbe(name, "startup", container.getStartupProbe().getHttpGet(), base + "/health/liveness");
      assertThat(one("PodDisruptionBudget", name)).isNotNull();
      assertThat(one("HorizontalPodAutoscaler", name)).isNotNull();
    });
  }

  static void assertProbe(String service, String kind, HTTPGetAction probe, String path) {
    assertThat(probe).as("%s %s probe", service, kind).isNotNull();
    assertThat(probe.getPath()).as("%s %s probe path", service, kind).isEqualTo(path);
    assertThat(probe.getPort().getStrVal()).as("%s %s probe port", service, kind).isEqualTo("http");
  }

  @Test
  void servicePodsRunAsNonRootOnAReadOnlyRootWithLimits() {
    services.keySet().forEach(name -> {
      Deployment deployment = deployment(name);
      Container container = container(deployment);
      assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
      assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
      assertThat(container.getVolumeMounts()).as("%s writes temporary files to a volume", name)
          .anyMatch(m -> m.getMountPath().equals("/tmp"));
      assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
      assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
    });
  }

  // ---- environment ---------------------------------------------------------------------------------------

  /** A container's own env values (not envFrom). */
  static Map<String, String> env(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar variable : container.getEnv()) {
      env.put(variable.getName(), variable.getValue());
    }
    return env;
  }

  /** Every variable a container gets, with its value where the manifests say it (Secrets: the key only). */
  static Map<String, String> environment(Container container) {
    Map<String, String> environment = new HashMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      if (source.getConfigMapRef() != null) {
        environment.putAll(configMap(source.getConfigMapRef().getName()).getData());
      }
      if (source.getSecretRef() != null) {
        List<String> keys = expectedSecrets.get(source.getSecretRef().getName());
        assertThat(keys).as("Secret %s in secrets.example", source.getSecretRef().getName()).isNotNull();
        keys.forEach(key -> environment.put(key, "(secret)"));
      }
    }
    container.getEnv().forEach(variable -> environment.put(variable.getName(),
        variable.getValue() != null ? variable.getValue() : "(reference)"));
    return environment;
  }

  @Test
  void everyVariableAServiceNeedsIsSetInItsDeployment() {
    services.forEach((name, settings) -> {
      Map<String, String> environment = environment(container(deployment(name)));
      assertThat(settings.required()).as("what %s needs", name).contains("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS");
      assertThat(environment.keySet()).as("%s's Deployment sets what %s reads", name, name)
          .containsAll(settings.required());
      assertProductionSettings(name, environment);
      // The store's URI holds a password; keys and secrets are secrets: from a Secret, never a ConfigMap or value.
      environment.forEach((variable, value) -> {
        if (variable.equals("MONGODB_URI") || variable.contains("SECRET") || variable.contains("KEY")) {
          assertThat(value).as("%s's %s", name, variable).isEqualTo("(secret)");
        }
      });
    });
  }

  static void assertProductionSettings(String service, Map<String, String> environment) {
    assertThat(environment).as(service)
        .containsEntry("BIND_ADDRESS", "0.0.0.0")
        .containsEntry("MASH_OUTBOX_MODE", "debezium")
        .containsEntry("MASH_KAFKA_REPLICATION_FACTOR", "3")
        .containsEntry("MASH_KAFKA_MIN_INSYNC_REPLICAS", "2");
    assertThat(environment.get("MASH_PROFILE")).as("%s: the development secrets refused", service)
        .isNotEqualTo("local");
  }

  @Test
  void everyPlatformSettingIsOneAServiceReads() {
    // A misspelt variable would be set and silently ignored.
    Set<String> known = knownProperties();
    configMap("mash-platform").getData().keySet().forEach(variable -> {
      boolean placeholder = services.values().stream().anyMatch(s -> s.placeholders().containsKey(variable));
      assertThat(placeholder || known.contains(canonical(variable))).as("mash-platform's %s is read by a service", variable)
          .isTrue();
    });
  }

  /** A property or variable name as Spring's environment binding compares them: no separators, lower case. */
  static String canonical(String name) {
    return name.replaceAll("[._-]", "").toLowerCase();
  }

  /** Property names the platform and services read, canonical. */
  static Set<String> knownProperties() {
    Set<String> known = new TreeSet<>();
    Pattern literal = Pattern.compile("\"\\$?\\{?(mash\\.[a-z0-9.-]+)");
    Pattern record = Pattern.compile("@ConfigurationProperties\\(\"([a-z.-]+)\"\\)\\s*public record \\w+\\(([^)]*)\\)");
    List<Path> sources = new ArrayList<>(ServiceSettings.files(ServiceSettings.ROOT.resolve("platform/src/main/java"), ".java"));
    services.keySet().forEach(s -> sources.addAll(ServiceSettings.files(ServiceSettings.ROOT.resolve(s + "/src/main/java"), ".java")));
    for (Path source : sources) {
      String text = ServiceSettings.read(source);
      literal.matcher(text).results().forEach(r -> known.add(canonical(r.group(1))));
      Matcher m = record.matcher(text);
      while (m.find()) {
        for (String component : m.group(2).split(",")) {
          String[] words = component.trim().split("\\s+");
          known.add(canonical(m.group(1) + "." + words[words.length - 1]));
        }
      }
    }
    return known;
  }

  // ---- Secrets -------------------------------------------------------------------------------------------

  @Test
  void secretsAreReferencedByNameNeverCommittedAndAllListedInSecretsExample() {
    assertThat(base).as("no Secret object is committed").noneMatch(m -> m.kind().equals("Secret"));
    assertThat(DeploymentManifests.kustomization(DeploymentManifests.BASE)).doesNotContainKey("secretGenerator");
    assertThat(DeploymentManifests.kustomization(DeploymentManifests.PRODUCTION)).doesNotContainKey("secretGenerator");
    Map<String, Set<String>> referenced = new TreeMap<>();
    base.forEach(m -> secretReferences(m.tree(), referenced));
    referenced.forEach((secret, keys) -> {
      assertThat(expectedSecrets).as("secrets.example lists Secret %s", secret).containsKey(secret);
      assertThat(expectedSecrets.get(secret)).as("secrets.example's keys of %s", secret).containsAll(keys);
    });
    assertThat(referenced.keySet()).as("every Secret in secrets.example is used")
        .containsExactlyInAnyOrderElementsOf(expectedSecrets.keySet());
  }

  /** Collects Secret references anywhere in an object: secretKeyRef-like {name, key}, secretRef, secretName. */
  static void secretReferences(Object node, Map<String, Set<String>> found) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        String field = key.toString().toLowerCase();
        if (field.equals("secretname") && value instanceof String name) {
          found.computeIfAbsent(name, n -> new TreeSet<>());
        } else if (field.contains("secret") && value instanceof Map<?, ?> ref && ref.get("name") instanceof String name) {
          Set<String> keys = found.computeIfAbsent(name, n -> new TreeSet<>());
          if (ref.get("key") instanceof String k) {
            keys.add(k);
          }
        }
        secretReferences(value, found);
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> secretReferences(item, found));
    }
  }

  // ---- Kafka, Debezium -----------------------------------------------------------------------------------

  @Test
  void kafkaTopicsAreTheServicesOwnDefinition() {
    Map<String, String> platform = configMap("mash-platform").getData();
    String code = ServiceSettings.read(ServiceSettings.ROOT.resolve(
        "platform/src/main/java/org/mashfrontdoor/platform/PlatformAutoConfiguration.java"));
    Matcher partitionsDefault = Pattern.compile("\\$\\{mash\\.kafka\\.partitions:(\\d+)}").matcher(code);
    assertThat(partitionsDefault.find()).as("PlatformAutoConfiguration's partition default").isTrue();
    int partitions = Integer.parseInt(platform.getOrDefault("MASH_KAFKA_PARTITIONS", partitionsDefault.group(1)));
    assertThat(partitions).as("mash-platform keeps the code's partition count").isEqualTo(
        Integer.parseInt(partitionsDefault.group(1)));

    Map<String, GenericKubernetesResource> topics = new TreeMap<>();
    generic("KafkaTopic").forEach(m -> {
      GenericKubernetesResource topic = (GenericKubernetesResource) m.object();
      String name = (String) at(topic.getAdditionalProperties(), "spec", "topicName");
      topics.put(name != null ? name : m.name(), topic);
    });
    List<String> expected = Stream.of(Topics.REFERRAL_EVENTS, Topics.TRIAGE_EVENTS, Topics.CASE_EVENTS)
        .flatMap(t -> Stream.of(t, t + Topics.DEAD_LETTER_SUFFIX)).toList();
    assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    topics.forEach((name, topic) -> {
      Map<String, Object> spec = map(topic.getAdditionalProperties().get("spec"));
      assertThat(spec.get("partitions")).as("%s partitions", name).isEqualTo(partitions);
      assertThat(spec.get("replicas").toString()).as("%s replicas", name)
          .isEqualTo(platform.get("MASH_KAFKA_REPLICATION_FACTOR"));
      assertThat(at(spec, "config", "min.insync.replicas")).as("%s min.insync.replicas", name)
          .hasToString(platform.get("MASH_KAFKA_MIN_INSYNC_REPLICAS"));
      assertThat(at(topic.getMetadata().getLabels() == null ? Map.of() : Map.copyOf(topic.getMetadata().getLabels()),
          "strimzi.io/cluster")).isEqualTo("mash-kafka");
    });

    Map<String, Object> kafka = map(((GenericKubernetesResource) one("Kafka", "mash-kafka").object())
        .getAdditionalProperties().get("spec"));
    assertThat(at(kafka, "kafka", "config", "min.insync.replicas")).hasToString("2");
    assertThat(at(kafka, "kafka", "config", "default.replication.factor")).hasToString("3");
    assertThat(at(kafka, "kafka", "config", "unclean.leader.election.enable")).isEqualTo(false);
    Map<String, Object> pool = map(((GenericKubernetesResource) one("KafkaNodePool", "dual-role").object())
        .getAdditionalProperties().get("spec"));
    assertThat((Integer) pool.get("replicas")).as("brokers for replication factor 3").isGreaterThanOrEqualTo(3);
    assertThat(strings(pool.get("roles"))).contains("broker", "controller");
    String bootstrap = platform.get("KAFKA_BOOTSTRAP_SERVERS");
    assertThat(bootstrap).startsWith("mash-kafka-kafka-bootstrap:");
  }

  @Test
  void theKafkaConnectorIsDeployDebeziumsConnectorFile() throws Exception {
    JsonNode file = JsonMapper.shared().readTree(ServiceSettings.read(
        ServiceSettings.ROOT.resolve("deploy/debezium/outbox-connector.json")));
    Map<String, String> expected = new TreeMap<>();
    file.get("config").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asString()));

    GenericKubernetesResource connector = (GenericKubernetesResource) one("KafkaConnector",
        file.get("name").asString()).object();
    Map<String, Object> spec = map(connector.getAdditionalProperties().get("spec"));
    Map<String, String> actual = new TreeMap<>();
    map(spec.get("config")).forEach((k, v) -> actual.put(k, v.toString()));
    actual.put("connector.class", (String) spec.get("class"));
    actual.put("tasks.max", spec.get("tasksMax").toString());
    assertThat(actual).isEqualTo(expected);
    assertThat(connector.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "mash-connect");

    // The worker resolves ${env:...} and has the variable.
    Map<String, Object> connect = map(((GenericKubernetesResource) one("KafkaConnect", "mash-connect").object())
        .getAdditionalProperties().get("spec"));
    assertThat(at(connect, "config", "config.providers")).isEqualTo("env");
    Matcher variable = Pattern.compile("\\$\\{env:([A-Z_]+)}").matcher(expected.get("mongodb.connection.string"));
    assertThat(variable.find()).isTrue();
    assertThat(maps(at(connect, "template", "connectContainer", "env"))).extracting(e -> e.get("name"))
        .contains(variable.group(1));

    // It captures the outbox of the database each producing service really uses.
    Set<String> captured = new TreeSet<>();
    for (String collection : expected.get("collection.include.list").split(",")) {
      captured.add(collection.replace("\\.outbox", ""));
    }
    Set<String> producers = new TreeSet<>();
    for (String service : List.of("referral-intake", "triage-service", "case-service")) {
      Map<String, String> environment = environment(container(deployment(service)));
      producers.add(environment.getOrDefault("MONGODB_DATABASE",
          services.get(service).placeholders().get("MONGODB_DATABASE").orElseThrow()));
    }
    assertThat(captured).isEqualTo(producers);
  }

  @Test
  void debeziumEverywhereIsTheVersionThePlatformTestsTheRouterWith() {
    Matcher version = Pattern.compile("<debezium.version>([^<]+)</debezium.version>")
        .matcher(ServiceSettings.read(ServiceSettings.ROOT.resolve("pom.xml")));
    assertThat(version.find()).isTrue();
    String debezium = version.group(1);
    Map<String, Object> connect = map(((GenericKubernetesResource) one("KafkaConnect", "mash-connect").object())
        .getAdditionalProperties().get("spec"));
    assertThat(maps(at(connect, "build", "plugins")).getFirst().toString()).as("Kubernetes' Connect plugin")
        .contains("/" + debezium + "/");
    Map<String, Object> compose = map(map(DeploymentManifests.documents(
        ServiceSettings.ROOT.resolve("deploy/compose/compose.yaml")).getFirst()).get("services"));
    assertThat(map(compose.get("connect")).get("image")).as("compose's Connect image")
        .isEqualTo("quay.io/debezium/connect:" + debezium);
    assertThat(DebeziumContainers.CONNECT_IMAGE).as("the Testcontainers suites' image").endsWith(":" + debezium);
  }

  // ---- what is reachable from outside ----------------------------------------------------------------------

  @Test
  void onlyIntakesApiAndTheStaffPagesAreReachableFromOutside() {
    List<NetworkPolicy> policies = all(NetworkPolicy.class);
    assertThat(policies).as("a default deny of everything in the namespace").anyMatch(p ->
        empty(p.getSpec().getPodSelector().getMatchLabels())
            && empty(p.getSpec().getPodSelector().getMatchExpressions())
            && p.getSpec().getPolicyTypes().contains("Ingress")
            && empty(p.getSpec().getIngress()));
    Set<String> exposed = Set.of("referral-intake", "triage-service", "notification-service");
    for (NetworkPolicy policy : policies) {
      boolean fromIngressController = policy.getSpec().getIngress() != null && policy.getSpec().getIngress().stream()
          .flatMap(rule -> rule.getFrom().stream())
          .anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx".equals(
              peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")));
      if (fromIngressController) {
        var expressions = policy.getSpec().getPodSelector().getMatchExpressions();
        assertThat(expressions).as("policy %s selects named services", policy.getMetadata().getName()).hasSize(1);
        assertThat(expressions.getFirst().getOperator()).isEqualTo("In");
        assertThat(expressions.getFirst().getValues()).isSubsetOf(exposed);
      }
    }
    List<Ingress> ingresses = all(Ingress.class);
    assertThat(ingresses).isNotEmpty();
    for (Ingress ingress : ingresses) {
      ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
        String service = path.getBackend().getService().getName();
        assertThat(service).as("Ingress backend").isIn(exposed);
        assertThat(path.getPath()).as("%s path", service).doesNotStartWith("/actuator");
        if (service.equals("referral-intake")) {
          assertThat(path.getPath()).as("intake: its partner API only").startsWith("/api/v1/");
        } else {
          assertThat(path.getPath()).as("%s: its staff page, not its API", service).doesNotStartWith("/api");
        }
      }));
      List<String> pagePaths = ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
          .map(HTTPIngressPath::getPath).toList();
      assertThat(pagePaths).contains("/api/v1/referrals", "/mash", "/ops");
    }
  }

  static boolean empty(Object collection) {
    return collection == null || (collection instanceof Map<?, ?> m ? m.isEmpty() : ((java.util.Collection<?>) collection).isEmpty());
  }

  // ---- monitoring ----------------------------------------------------------------------------------------

  @Test
  void thePrometheusRuleIsDeployObservabilitysRulesFile() {
    Object rules = DeploymentManifests.documents(
        ServiceSettings.ROOT.resolve("deploy/observability/prometheus/rules.yml")).getFirst();
    GenericKubernetesResource rule = (GenericKubernetesResource) one("PrometheusRule", "mash-front-door").object();
    assertThat(rule.getAdditionalProperties().get("spec")).isEqualTo(rules);
    Map<String, Object> monitor = map(((GenericKubernetesResource) one("ServiceMonitor", "mash-front-door").object())
        .getAdditionalProperties().get("spec"));
    Map<String, Object> endpoint = maps(monitor.get("endpoints")).getFirst();
    assertThat(endpoint.get("path")).isEqualTo(services.get("referral-intake").actuatorBasePath() + "/prometheus");
    assertThat(endpoint.get("port")).isEqualTo("http");
  }

  // ---- compose -------------------------------------------------------------------------------------------

  @Test
  void composeGivesEachServiceWhatItNeeds() {
    Map<String, Object> compose = map(DeploymentManifests.documents(
        ServiceSettings.ROOT.resolve("deploy/compose/compose.yaml")).getFirst());
    Map<String, Object> composeServices = map(compose.get("services"));
    services.forEach((name, settings) -> {
      Map<String, Object> service = map(composeServices.get(name));
      assertThat(service).as("compose service %s", name).isNotEmpty();
      Map<String, String> environment = new TreeMap<>();
      Object declared = service.get("environment");
      if (declared instanceof Map<?, ?> m) {
        m.forEach((k, v) -> environment.put(k.toString(), String.valueOf(v)));
      } else {
        strings(declared).forEach(e -> environment.put(e.split("=", 2)[0], e.contains("=") ? e.split("=", 2)[1] : ""));
      }
      assertThat(environment.keySet()).as("compose sets what %s reads", name).containsAll(settings.required());
      assertProductionSettings(name, environment);
      assertThat(environment.get("MONGODB_URI")).as("%s's store", name)
          .contains("replicaSet=rs0", "w=majority", "${MONGO_").doesNotContain("127.0.0.1", "localhost");
      // Secrets only from the environment, required (${NAME:?...}), never a value in the file.
      environment.forEach((variable, value) -> {
        if (variable.contains("SECRET") || variable.contains("KEY")) {
          assertThat(value).as("%s's %s", name, variable).matches("\\$\\{[A-Z_]+:\\?[^}]*}");
        }
      });
      Map<String, Object> healthcheck = map(service.get("healthcheck"));
      assertThat(String.valueOf(healthcheck.get("test")))
          .as("%s's compose health check", name).contains(settings.actuatorBasePath() + "/health");
    });
    assertThat(composeServices.keySet()).contains("mongo-1", "mongo-2", "mongo-3", "mongo-init", "connect",
        "connect-register", "auth-server", "prometheus", "grafana", "smtp");
  }

  @Test
  void composeRunsThreeBrokersTheConnectorFileAndTheSharedInitScript() {
    Map<String, Object> composeServices = map(map(DeploymentManifests.documents(
        ServiceSettings.ROOT.resolve("deploy/compose/compose.yaml")).getFirst()).get("services"));
    Set<String> nodeIds = new TreeSet<>();
    Set<String> clusterIds = new TreeSet<>();
    for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
      Map<String, Object> environment = map(map(composeServices.get(broker)).get("environment"));
      nodeIds.add(String.valueOf(environment.get("KAFKA_NODE_ID")));
      clusterIds.add(String.valueOf(environment.get("CLUSTER_ID")));
      assertThat(environment).as(broker)
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
          .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
    }
    assertThat(nodeIds).as("node ids").containsExactly("1", "2", "3");
    assertThat(clusterIds).as("one cluster").hasSize(1);
    // The same files Kubernetes and deploy/debezium use, not copies.
    assertThat(strings(map(composeServices.get("connect-register")).get("volumes")))
        .anyMatch(v -> v.startsWith("../debezium/outbox-connector.json:"));
    assertThat(strings(map(composeServices.get("mongo-init")).get("volumes")))
        .anyMatch(v -> v.startsWith("../k8s/base/mongodb/init-replica-set.js:"));
    assertThat(strings(map(composeServices.get("prometheus")).get("volumes")))
        .anyMatch(v -> v.startsWith("../observability/prometheus/rules.yml:"));
  }
}
