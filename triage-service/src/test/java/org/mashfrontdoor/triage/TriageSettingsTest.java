package org.mashfrontdoor.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.triage.adapters.web.workspace.WorkspaceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/** mash.triage.* and mash.workspace.* keep the names, environment variables and defaults of their @Values and YAML. */
class TriageSettingsTest {

  static final TriageProperties TODAY = new TriageProperties(
      new TriageProperties.Rag(Duration.ofHours(8), Duration.ofHours(2)),
      new TriageProperties.DeadlineClock(Duration.ofMillis(500), 500),
      new TriageProperties.RagReport(List.of(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(16, 0)),
          ZoneId.of("Europe/London"), Duration.ofHours(1)),
      new TriageProperties.Metrics(Duration.ofSeconds(5)));

  static final WorkspaceProperties WORKSPACE_TODAY = new WorkspaceProperties("http://127.0.0.1:8081",
      "http://127.0.0.1:8084", Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(15),
      Duration.ofMinutes(30), 100);

  static TriageProperties fromYaml(Map<String, Object> environment) throws IOException {
    return fromYaml(environment, "mash.triage", TriageProperties.class);
  }

  /** Binds {@code prefix} from triage-service.yml, with {@code environment} as the variables its placeholders read. */
  static <T> T fromYaml(Map<String, Object> environment, String prefix, Class<T> type) throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new MapPropertySource("environment", environment));
    new YamlPropertySourceLoader().load("triage-service.yml", new ClassPathResource("triage-service.yml"))
        .forEach(sources::addLast);
    return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
        .bindOrCreate(prefix, type);
  }

  @Test
  void with_nothing_set_the_service_runs_on_today_s_defaults() throws IOException {
    assertThat(fromYaml(Map.of())).isEqualTo(TODAY);
    assertThat(new Binder().bindOrCreate("mash.triage", TriageProperties.class)).isEqualTo(TODAY);
  }

  @Test
  void the_environment_variables_still_set_them() throws IOException {
    TriageProperties set = fromYaml(Map.of("TRIAGE_RAG_AMBER", "PT60S", "TRIAGE_RAG_RED", "PT30S",
        "TRIAGE_DEADLINE_POLL", "PT0.1S", "TRIAGE_RAG_REPORT_TIMES", "08:30,12:00"));

    assertThat(set.rag()).isEqualTo(new TriageProperties.Rag(Duration.ofSeconds(60), Duration.ofSeconds(30)));
    assertThat(set.deadlineClock().pollInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(set.ragReport().times()).containsExactly(LocalTime.of(8, 30), LocalTime.of(12, 0));
  }

  @Test
  void the_workspace_runs_on_today_s_defaults_and_variables() throws IOException {
    assertThat(fromYaml(Map.of(), "mash.workspace", WorkspaceProperties.class)).isEqualTo(WORKSPACE_TODAY);
    assertThat(new Binder().bindOrCreate("mash.workspace", WorkspaceProperties.class)).isEqualTo(WORKSPACE_TODAY);

    WorkspaceProperties set = fromYaml(Map.of("MASH_INTAKE_URL", "http://intake:8080",
        "MASH_ALERTS_URL", "http://notification:8080"), "mash.workspace", WorkspaceProperties.class);

    assertThat(set.intakeUrl()).isEqualTo("http://intake:8080");
    assertThat(set.alertsUrl()).isEqualTo("http://notification:8080");
  }
}
