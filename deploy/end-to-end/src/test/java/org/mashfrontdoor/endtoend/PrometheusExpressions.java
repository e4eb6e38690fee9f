package org.mashfrontdoor.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mashfrontdoor.platform.events.EventJson;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The PromQL of deploy/observability (Prometheus rules and Grafana dashboards) and the metric names it reads, so a
 * test can hold them against a real scrape. Names of recording rules ({@code level:metric:operation}) are the
 * rules' own, not the services'.
 */
final class PrometheusExpressions {

  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
      "group_left", "group_right", "bool", "offset", "inf", "nan");
  /** Label lists after by/without/on/ignoring/group_*: label names, not metrics. */
  private static final Pattern LABEL_LISTS = Pattern.compile(
      "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private final Path root;

  PrometheusExpressions(Path root) {
    this.root = root;
  }

  /** deploy/observability, found from the test's working directory upwards. */
  static PrometheusExpressions ofThisRepository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("deploy/observability"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("deploy/observability not found above " + Path.of("").toAbsolutePath());
    }
    return new PrometheusExpressions(dir.resolve("deploy/observability"));
  }

  /** Every expr of prometheus/rules.yml and of the targets of grafana/dashboards/*.json. */
  List<String> expressions() throws IOException {
    List<String> expressions = new ArrayList<>(ruleExpressions());
    try (Stream<Path> dashboards = Files.list(root.resolve("grafana/dashboards"))) {
      for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        collectExpr(EventJson.mapper().readTree(Files.readString(dashboard)), expressions);
      }
    }
    return expressions;
  }

  /** The names recording rules define. */
  Set<String> recordedNames() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> rule : rules()) {
      if (rule.get("record") != null) {
        names.add((String) rule.get("record"));
      }
    }
    return names;
  }

  /** Metric names the expressions read, recorded names excluded. */
  Set<String> metricNames() throws IOException {
    Set<String> recorded = recordedNames();
    Set<String> names = new TreeSet<>();
    for (String expression : expressions()) {
      names.addAll(metricNames(expression));
    }
    names.removeAll(recorded);
    return names;
  }

  /** The names of the series an expression selects (not its functions, keywords, labels or strings). */
  static Set<String> metricNames(String expression) {
    String bare = expression
        .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // string literals
        .replaceAll("\\{[^}]*}", " ")                   // label matchers
        .replaceAll("\\[[^]]*]", " ");                  // range and subquery durations
    bare = LABEL_LISTS.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      String name = m.group();
      boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
      // 5m, 1.5e3 and Grafana's $variables are not metric names.
      boolean partOfOther = m.start() > 0 && (Character.isDigit(bare.charAt(m.start() - 1))
          || bare.charAt(m.start() - 1) == '.' || bare.charAt(m.start() - 1) == '$');
      if (!function && !partOfOther && !KEYWORDS.contains(name.toLowerCase())) {
        names.add(name);
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rules() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(root.resolve("prometheus/rules.yml")));
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
      rules.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    return rules;
  }

  private List<String> ruleExpressions() throws IOException {
    return rules().stream().map(rule -> String.valueOf(rule.get("expr"))).toList();
  }

  private static void collectExpr(JsonNode node, List<String> into) {
    if (node.isObject()) {
      for (var field : node.properties()) {
        if (field.getKey().equals("expr") && field.getValue().isString()) {
          into.add(field.getValue().asString());
        } else {
          collectExpr(field.getValue(), into);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectExpr(child, into));
    }
  }
}
