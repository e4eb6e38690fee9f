package org.mashfrontdoor.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts services in this JVM on the embedded broker and store, each on a free port with a database of its own,
 * trusting the tokens {@link TestTokens} mints (or an issuer's, by discovery), and stops them again in reverse order.
 */
final class ServicesInProcess implements AutoCloseable {

  private final List<ConfigurableApplicationContext> started = new ArrayList<>();

  /** Starts the service trusting {@link TestTokens} and answers its base URL, e.g. {@code http://127.0.0.1:40123}. */
  String start(SpringApplication application, String database, String... settings) {
    return start(application, database,
        Stream.of(TestTokens.publicKeyLocationArgument(), TestTokens.issuerArgument()), settings);
  }

  /** Starts the service trusting the tokens of the OIDC issuer at {@code issuerUri} (discovery), as the local stack does. */
  String startTrustingIssuer(String issuerUri, SpringApplication application, String database, String... settings) {
    return start(application, database,
        Stream.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri), settings);
  }

  /** Starts the service trusting {@link TestTokens} on the given broker and store (e.g. containers). */
  String startOn(String kafkaBootstrapServers, String mongoUri, SpringApplication application, String database,
      String... settings) {
    return start(kafkaBootstrapServers, mongoUri, application, database,
        Stream.of(TestTokens.publicKeyLocationArgument(), TestTokens.issuerArgument()), settings);
  }

  private String start(SpringApplication application, String database, Stream<String> trust, String... settings) {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
    return start(infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri(), application, database, trust,
        settings);
  }

  private String start(String kafkaBootstrapServers, String mongoUri, SpringApplication application,
      String database, Stream<String> trust, String... settings) {
    String[] arguments = Stream.of(Stream.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
        "--spring.mongodb.uri=" + mongoUri,
        "--spring.mongodb.database=" + database,
        "--spring.jmx.enabled=false",
        "--mash.profile=local"), trust, Stream.of(settings)).flatMap(s -> s).toArray(String[]::new);
    ConfigurableApplicationContext context = application.run(arguments);
    started.add(context);
    return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  @Override
  public void close() {
    started.reversed().forEach(ConfigurableApplicationContext::close);
    started.clear();
  }
}
