package org.mashfrontdoor.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s as Kustomize sees it: each kustomization.yaml, and every object of the resources it lists, parsed into
 * fabric8's typed model (Strimzi and Prometheus Operator kinds as {@code GenericKubernetesResource}).
 */
final class DeploymentManifests {

  static final Path K8S = ServiceSettings.ROOT.resolve("deploy/k8s");
  static final Path BASE = K8S.resolve("base");
  static final Path PRODUCTION = K8S.resolve("overlays/production");
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /**
   * The class of each built-in kind the manifests use. Read by class, not through fabric8's registry of every kind
   * (its first use scans all model jars: most of this test's time); a kind missing here fails the test.
   */
  static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
      "v1/Namespace", Namespace.class,
      "v1/ConfigMap", ConfigMap.class,
      "v1/Service", Service.class,
      "apps/v1/Deployment", Deployment.class,
      "apps/v1/StatefulSet", StatefulSet.class,
      "batch/v1/Job", Job.class,
      "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
      "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
      "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
      "networking.k8s.io/v1/Ingress", Ingress.class);
  /** Operators' custom resources, read as generic objects and checked field by field. */
  static final Set<String> CUSTOM_GROUPS = Set.of("kafka.strimzi.io", "monitoring.coreos.com");

  /** One object and the file it came from (for messages). */
  record Manifest(HasMetadata object, Path file) {
    String kind() {
      return object.getKind();
    }

    String name() {
      return object.getMetadata().getName();
    }

    /** The object as plain maps and lists, for kinds fabric8 has no class for and for generic walks. */
    @SuppressWarnings("unchecked")
    Map<String, Object> tree() {
      return SERIALIZATION.convertValue(object, Map.class);
    }
  }

  private DeploymentManifests() {
  }

  /** Every YAML document of {@code file}, as plain maps (empty documents left out). */
  @SuppressWarnings("unchecked")
  static List<Object> documents(Path file) {
    Iterable<Object> all = new Yaml().loadAll(ServiceSettings.read(file));
    return StreamSupport.stream(all.spliterator(), false).filter(Objects::nonNull).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> kustomization(Path folder) {
    return (Map<String, Object>) documents(folder.resolve("kustomization.yaml")).getFirst();
  }

  /** The objects of the base: every resource file its kustomization lists, parsed into typed objects. */
  static List<Manifest> base() {
    List<Manifest> manifests = new ArrayList<>();
    for (String resource : strings(kustomization(BASE).get("resources"))) {
      Path file = BASE.resolve(resource);
      for (Object document : documents(file)) {
        manifests.add(new Manifest(typed(map(document), file), file));
      }
    }
    return manifests;
  }

  /** {@code document} as its fabric8 class (custom resources: {@link GenericKubernetesResource}). */
  static HasMetadata typed(Map<String, Object> document, Path file) {
    String apiVersion = String.valueOf(document.get("apiVersion"));
    String key = apiVersion + "/" + document.get("kind");
    Class<? extends HasMetadata> type = TYPED.get(key);
    if (type == null && CUSTOM_GROUPS.contains(apiVersion.split("/")[0])) {
      type = GenericKubernetesResource.class;
    }
    if (type == null) {
      throw new AssertionError(file + ": no fabric8 class for " + key + " (add it to DeploymentManifests.TYPED)");
    }
    return SERIALIZATION.unmarshal(SERIALIZATION.asJson(document), type);
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object list) {
    return list == null ? List.of() : (List<String>) list;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object list) {
    return list == null ? List.of() : (List<Map<String, Object>>) list;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  /** {@code tree} at the dotted path (map keys only), or null. */
  static Object at(Map<String, Object> tree, String... path) {
    Object node = tree;
    for (String part : path) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(part);
    }
    return node;
  }

  /** The Secrets the deployment expects, each with its keys (deploy/k8s/secrets.example). */
  @SuppressWarnings("unchecked")
  static Map<String, List<String>> expectedSecrets() {
    Map<String, Object> file = (Map<String, Object>) documents(K8S.resolve("secrets.example")).getFirst();
    Map<String, List<String>> secrets = new LinkedHashMap<>();
    file.forEach((name, keys) -> secrets.put(name, List.copyOf(((Map<String, Object>) keys).keySet())));
    return secrets;
  }

  static boolean exists(Path path) {
    return Files.exists(path);
  }
}
