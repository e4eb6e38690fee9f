package org.mashfrontdoor.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;

/** mash.triage.* keeps the names, environment variables and defaults it had as @Values and YAML lines. */
class TriagePropertiesTest {

  static final TriageProperties TODAY = new TriageProperties(
      new TriageProperties.Rag(Duration.ofHours(8), Duration.ofHours(2)),
      new TriageProperties.DeadlineClock(Duration.ofMillis(500), 500),
      new TriageProperties.RagReport(List.of(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(16, 0)),
          ZoneId.of("Europe/London"), Duration.ofHours(1)),
      new TriageProperties.Metrics(Duration.ofSeconds(5)));

  /** Binds mash.triage from triage-service.yml, with {@code environment} as the variables its placeholders read. */
  static TriageProperties fromYaml(Map<String, Object> environment) throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addFirst(new MapPropertySource("environment", environment));
    new YamlPropertySourceLoader().load("triage-service.yml", new ClassPathResource("triage-service.yml"))
        .forEach(sources::addLast);
    return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
        .bindOrCreate("mash.triage", TriageProperties.class);
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
}
