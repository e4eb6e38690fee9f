package org.mashfrontdoor.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What one service reads from its environment, from its own sources: the {@code ${NAME:default}} placeholders of
 * {@code src/main/resources/*.yml}, {@code System.getenv("NAME")} and {@code @Value("${property}")} without a default
 * in its main Java sources; and the port, actuator base path and probe settings it serves.
 */
record ServiceSettings(String name, Map<String, Optional<String>> placeholders, Set<String> getenvNames,
    Set<String> valuesWithoutDefault, Map<String, Object> yml) {

  static final Path ROOT = Path.of("..", "..");
  static final Set<String> SERVICES = Set.of("referral-intake", "triage-service", "case-service",
      "notification-service");

  /**
   * Settings with an empty default that production leaves unset on purpose, and why; every other empty, loopback or
   * development default must be set by the deployment.
   */
  static final Map<String, String> OFF_IN_PRODUCTION = Map.of(
      "OAUTH2_PUBLIC_KEY_LOCATION", "tokens are checked by issuer discovery (OAUTH2_ISSUER_URI)",
      "OAUTH2_ISSUER", "read only with OAUTH2_PUBLIC_KEY_LOCATION",
      "NOTIFY_API_KEY", "SMS through GOV.UK Notify is optional (add it to the Secret to turn it on)",
      "NOTIFY_SMS_TEMPLATE_ID", "SMS through GOV.UK Notify is optional",
      "NOTIFY_ON_CALL_MANAGER_PHONE", "SMS through GOV.UK Notify is optional");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
  private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\"([A-Z0-9_]+)\"\\)");
  private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.-]+)(:[^\"]*)?}\"\\)");

  static ServiceSettings read(String service) {
    Path module = ROOT.resolve(service);
    Map<String, Optional<String>> placeholders = new LinkedHashMap<>();
    Map<String, Object> yml = new LinkedHashMap<>();
    for (Path file : files(module.resolve("src/main/resources"), ".yml")) {
      String text = read(file);
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        placeholders.merge(m.group(1), Optional.ofNullable(m.group(2)), (a, b) -> a.isEmpty() ? a : b);
      }
      Map<String, Object> doc = new Yaml().load(text);
      yml.putAll(doc);
    }
    Set<String> getenv = new TreeSet<>();
    Set<String> values = new TreeSet<>();
    for (Path file : files(module.resolve("src/main/java"), ".java")) {
      String text = read(file);
      GETENV.matcher(text).results().forEach(r -> getenv.add(r.group(1)));
      VALUE.matcher(text).results().filter(r -> r.group(2) == null).forEach(r -> values.add(r.group(1)));
    }
    return new ServiceSettings(service, placeholders, getenv, values, yml);
  }

  /**
   * The variables a deployment must set: no default, an empty one, or one that only works on a developer's machine
   * (loopback addresses, the published development secrets); minus {@link #OFF_IN_PRODUCTION}.
   */
  Set<String> required() {
    Set<String> required = new TreeSet<>(getenvNames);
    placeholders.forEach((variable, fallback) -> {
      if (!OFF_IN_PRODUCTION.containsKey(variable) && fallback.map(ServiceSettings::onlyLocal).orElse(true)) {
        required.add(variable);
      }
    });
    // A property read without a default that the yml does not define comes from the environment.
    valuesWithoutDefault.stream().filter(p -> property(p) == null)
        .map(p -> p.toUpperCase().replace('.', '_').replace("-", ""))
        .forEach(required::add);
    return required;
  }

  static boolean onlyLocal(String fallback) {
    return fallback.isBlank() || fallback.contains("127.0.0.1") || fallback.contains("localhost")
        || fallback.startsWith("local-development") || fallback.equals("local-only");
  }

  /** The port the service listens on when {@code PORT} is not set. */
  int defaultPort() {
    return Integer.parseInt(placeholders.get("PORT").orElseThrow());
  }

  /** The actuator's base path ({@code /actuator} unless the yml moves it). */
  String actuatorBasePath() {
    Object base = property("management.endpoints.web.base-path");
    return base == null ? "/actuator" : base.toString();
  }

  /** A property of the yml by its dotted name, or null. */
  Object property(String dotted) {
    Object node = yml;
    for (String part : dotted.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static java.util.List<Path> files(Path folder, String suffix) {
    if (!Files.isDirectory(folder)) {
      return java.util.List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
