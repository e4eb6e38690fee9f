package org.mashfrontdoor.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Brings the meters that libraries register (Spring MVC and Spring Security observations, Tomcat, the JVM, the
 * Kafka clients) into Prometheus's conventions, so {@code promtool check metrics} is clean on every service
 * (docs/metrics.md, "Prometheus conventions"):
 * <ul>
 *   <li>camelCase in a name becomes snake_case ({@code ...filterchains.OAuth2ProtectedResourceMetadataFilter.before}
 *   becomes {@code ..._o_auth2_protected_resource_metadata_filter_before});</li>
 *   <li>a meter counting time in milli-, micro- or nanoseconds is not exported: Prometheus wants seconds, and a
 *   filter can rename a meter but not rescale its values ({@code jvm.compilation.time}, {@code process.cpu.time},
 *   the Kafka clients' {@code *.time.ns.*} and {@code kafka.app.info.start.time.ms}); a base unit {@code s} is
 *   spelled {@code seconds};</li>
 *   <li>a gauge named {@code <thing>.count} becomes {@code <thing>s} ({@code _count} is a histogram's suffix);</li>
 *   <li>a library meter without a description (or with a blank one) gets one naming where it comes from.</li>
 * </ul>
 * Our own meters ({@code mash.*}, {@code triage.*}) are left as they are: each must carry its own description and
 * follow the conventions itself, which the services' promtool tests check.
 */
public final class PrometheusConventions implements MeterFilter {

  /** Prefixes of the meters this code base registers itself. */
  static final List<String> OWN = List.of("mash.", "triage.");

  /** promtool's abbreviated units for seconds, spelled out. */
  static final Map<String, String> SECONDS = Map.of("s", "seconds", "sec", "seconds");

  /** Units smaller than the second, abbreviated or not: promtool wants the base unit, seconds. */
  static final Set<String> SUBSECOND = Set.of("ms", "us", "ns", "milliseconds", "microseconds", "nanoseconds");

  /** Where a library meter comes from, by name prefix; the first match wins. */
  static final Map<String, String> LIBRARIES = libraries();

  private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern ACRONYM_THEN_WORD = Pattern.compile("([A-Z]+)([A-Z][a-z])");

  private static Map<String, String> libraries() {
    Map<String, String> libraries = new LinkedHashMap<>();
    libraries.put("http.server.requests", "Spring MVC's observation of the HTTP requests this service answers");
    libraries.put("http.client.requests", "the observation of HTTP requests this service sends");
    libraries.put("spring.security.", "Spring Security's observation");
    libraries.put("spring.kafka.", "Spring for Apache Kafka's observation");
    libraries.put("tomcat.", "Tomcat");
    libraries.put("kafka.", "the Kafka client");
    libraries.put("mongodb.", "the MongoDB driver");
    libraries.put("jvm.", "the JVM");
    libraries.put("process.", "the process");
    libraries.put("system.", "the operating system");
    libraries.put("executor", "an executor");
    libraries.put("resilience4j.", "Resilience4j");
    libraries.put("logback.", "Logback");
    libraries.put("application.", "Spring Boot");
    libraries.put("disk.", "the file system");
    return libraries;
  }

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    if (own(id.getName())) {
      return MeterFilterReply.NEUTRAL;
    }
    boolean subsecond = (id.getBaseUnit() != null && SUBSECOND.contains(id.getBaseUnit()))
        || tokens(id.getName()).anyMatch(SUBSECOND::contains);
    return subsecond ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    if (own(id.getName())) {
      return id;
    }
    Meter.Id mapped = id;
    String name = conventionalName(id.getName(), id.getType());
    if (!name.equals(id.getName())) {
      mapped = mapped.withName(name);
    }
    String unit = id.getBaseUnit();
    if (unit != null && SECONDS.containsKey(unit)) {
      mapped = mapped.withBaseUnit(SECONDS.get(unit));
    }
    // Blank counts as none: the Kafka clients give some metrics (per-node request latency) an empty description.
    if ((mapped.getDescription() == null || mapped.getDescription().isBlank())
        && mapped.syntheticAssociation() == null) {
      mapped = new Meter.Id(mapped.getName(), Tags.of(mapped.getTagsAsIterable()), mapped.getBaseUnit(),
          describe(id.getName()), mapped.getType());
    }
    return mapped;
  }

  static String conventionalName(String name, Meter.Type type) {
    String snake = ACRONYM_THEN_WORD.matcher(name).replaceAll("$1_$2");
    snake = LOWER_THEN_UPPER.matcher(snake).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    String spelled = Arrays.stream(snake.split("\\.", -1))
        .map(part -> Arrays.stream(part.split("_", -1)).map(token -> SECONDS.getOrDefault(token, token))
            .collect(Collectors.joining("_")))
        .collect(Collectors.joining("."));
    if (type == Meter.Type.GAUGE && spelled.endsWith(".count") && spelled.length() > ".count".length()) {
      return spelled.substring(0, spelled.length() - ".count".length()) + "s";
    }
    return spelled;
  }

  /** The words of a meter name, as Prometheus will join them with underscores. */
  static Stream<String> tokens(String name) {
    return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[._-]"));
  }

  static boolean own(String name) {
    return OWN.stream().anyMatch(name::startsWith);
  }

  static String describe(String name) {
    String library = LIBRARIES.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse("a library");
    return name + ", from " + library;
  }
}
