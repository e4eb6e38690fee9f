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
 * trusting the tokens {@link TestTokens} mints, and stops them again in reverse order.
 */
final class ServicesInProcess implements AutoCloseable {

  private final List<ConfigurableApplicationContext> started = new ArrayList<>();

  /** Starts the service and answers its base URL, e.g. {@code http://127.0.0.1:40123}. */
  String start(SpringApplication application, String database, String... settings) {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
    String[] arguments = Stream.concat(Stream.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--spring.mongodb.uri=" + infrastructure.mongoUri(),
        "--spring.mongodb.database=" + database,
        "--spring.jmx.enabled=false",
        TestTokens.publicKeyLocationArgument(),
        TestTokens.issuerArgument(),
        "--mash.profile=local"), Stream.of(settings)).toArray(String[]::new);
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
