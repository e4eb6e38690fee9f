package org.mashfrontdoor.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * README.md and docs/architecture.md against the code (issue 14): every environment variable a module reads is a
 * row of the README's configuration table, and every event type of the contract (docs/asyncapi.yaml) is named in
 * both documents.
 */
@DisplayName("README and docs/architecture.md say what the code reads and emits")
class DocsTrueToTheCodeTest {

  /** Every module whose main code or yml reads the environment: the services, platform, the local provider. */
  static final List<String> MODULES = List.of("referral-intake", "triage-service", "case-service",
      "notification-service", "platform", "deploy/auth-server");

  static final Path README = ServiceSettings.ROOT.resolve("README.md");
  static final Path ARCHITECTURE = ServiceSettings.ROOT.resolve("docs/architecture.md");
  static final Path ASYNCAPI = ServiceSettings.ROOT.resolve("docs/asyncapi.yaml");

  private static final Pattern VARIABLE_IN_CELL = Pattern.compile("`([A-Z][A-Z0-9_]*)`");
  private static final Pattern EVENT_TYPE = Pattern.compile("(?m)^\\s*type: ([a-z]+\\.[a-z0-9-]+\\.v[0-9]+)\\s*$");

  @Test
  void every_environment_variable_the_code_reads_is_in_the_readme_configuration_table() {
    Set<String> documented = configurationTable(ServiceSettings.read(README));
    assertThat(documented).as("variables in README's configuration table").contains("MONGODB_URI", "PORT");
    Map<String, Set<String>> undocumented = new TreeMap<>();
    readByTheCode().forEach((variable, modules) -> {
      if (!documented.contains(variable)) {
        undocumented.put(variable, modules);
      }
    });
    assertThat(undocumented)
        .as("environment variables the code reads (by module) that README's configuration table does not list")
        .isEmpty();
  }

  @Test
  void every_event_type_of_the_contract_is_named_in_the_readme_and_the_architecture() {
    Set<String> types = eventTypes(ServiceSettings.read(ASYNCAPI));
    assertThat(types).as("event types of docs/asyncapi.yaml")
        .contains("referral.received.v1", "triage.rag-report.v1", "case.deadline-breached.v1");
    for (Path doc : List.of(README, ARCHITECTURE)) {
      String text = ServiceSettings.read(doc);
      assertThat(types.stream().filter(type -> !text.contains("`" + type + "`")).toList())
          .as("event types of docs/asyncapi.yaml that %s does not name (in backticks)", doc.getFileName())
          .isEmpty();
    }
  }

  @Test
  void the_table_is_read_by_its_first_column_in_its_own_section_alone() {
    String readme = """
        ## Ports
        | service | port | `NOT_CONFIGURATION` |
        ## Configuration

        | variable | default | meaning |
        |---|---|---|
        | `PORT` | `8081` | the port; see `MENTIONED_ONLY` |
        | `NOTIFY_API_KEY`, `NOTIFY_BASE_URL` | none | Notify |

        More in `docs`.
        ## Layout
        | `AFTER` | |
        """;
    assertThat(configurationTable(readme)).containsExactlyInAnyOrder("PORT", "NOTIFY_API_KEY", "NOTIFY_BASE_URL");
  }

  /** Variable → the modules that read it: yml placeholders and {@code System.getenv} (ServiceSettings). */
  static Map<String, Set<String>> readByTheCode() {
    Map<String, Set<String>> read = new TreeMap<>();
    for (String module : MODULES) {
      ServiceSettings settings = ServiceSettings.read(module);
      Set<String> names = new TreeSet<>(settings.placeholders().keySet());
      names.addAll(settings.getenvNames());
      names.forEach(name -> read.computeIfAbsent(name, n -> new TreeSet<>()).add(module));
    }
    return read;
  }

  /** The names in the first column of the table under {@code ## Configuration}. */
  static Set<String> configurationTable(String readme) {
    Set<String> names = new TreeSet<>();
    boolean inSection = false;
    for (String line : readme.lines().toList()) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## Configuration");
      } else if (inSection && line.startsWith("|")) {
        String firstCell = line.split("\\|", -1)[1];
        Matcher found = VARIABLE_IN_CELL.matcher(firstCell);
        while (found.find()) {
          names.add(found.group(1));
        }
      }
    }
    return names;
  }

  static Set<String> eventTypes(String asyncapi) {
    Set<String> types = new TreeSet<>();
    EVENT_TYPE.matcher(asyncapi).results().forEach(r -> types.add(r.group(1)));
    return types;
  }
}
