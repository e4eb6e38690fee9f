package org.mashfrontdoor.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.Promtool;

/** Library meters as the services' scrapes showed them before (issue 14), through the filter. */
class PrometheusConventionsTest {

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  PrometheusConventionsTest() {
    registry.config().meterFilter(new PrometheusConventions());
    Counter.builder("spring.security.filterchains.OAuth2ProtectedResourceMetadataFilter.before").register(registry);
    Timer.builder("http.server.requests").tag("uri", "/x").register(registry);
    LongTaskTimer.builder("http.server.requests.active").register(registry);
    FunctionCounter.builder("jvm.compilation.time", this, x -> 1).baseUnit("ms").register(registry);
    FunctionCounter.builder("kafka.consumer.io.time.ns.total", this, x -> 1).description("io").register(registry);
    Gauge.builder("kafka.app.info.start.time.ms", () -> 1).description("start").register(registry);
    Gauge.builder("kafka.consumer.connection.count", () -> 1).description("connections").register(registry);
    Gauge.builder("system.cpu.count", () -> 2).description("cpus").register(registry);
    Gauge.builder("kafka.producer.node.request.latency.avg", () -> 1).description("").register(registry);
    Counter.builder("triage.decisions").description("Decisions").tag("on_time", "true").register(registry);
  }

  @Test
  void renames_only_what_breaks_the_conventions() {
    assertThat(registry.scrape()).contains(
        "spring_security_filterchains_o_auth2_protected_resource_metadata_filter_before_total ",
        "kafka_consumer_connections ",
        "system_cpus ",
        "triage_decisions_total{on_time=\"true\"} ",
        "# HELP http_server_requests_seconds http.server.requests, from Spring MVC's observation",
        "# HELP kafka_producer_node_request_latency_avg kafka.producer.node.request.latency.avg, from the Kafka client");
  }

  @Test
  void drops_library_meters_in_units_smaller_than_the_second() {
    assertThat(registry.scrape()).doesNotContain("jvm_compilation_time", "kafka_consumer_io_time",
        "kafka_app_info_start_time");
  }

  @Test
  void leaves_our_own_meters_without_a_description_for_the_promtool_tests_to_find() {
    Counter.builder("mash.undescribed").register(registry);
    assertThat(Promtool.checkMetrics(registry.scrape())).containsExactly("mash_undescribed_total no help text");
  }

  @Test
  void the_library_meters_pass_promtool() {
    Promtool.assertCleanMetrics(registry.scrape(), "the filtered registry");
  }
}
