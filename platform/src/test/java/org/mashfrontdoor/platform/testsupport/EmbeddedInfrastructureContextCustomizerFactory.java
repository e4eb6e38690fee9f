package org.mashfrontdoor.platform.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points a Spring test context at the embedded broker and a fresh database, and makes it trust {@link TestTokens}
 * (registered in spring.factories).
 */
public final class EmbeddedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return TestContextAnnotationUtils.hasAnnotation(testClass, WithEmbeddedInfrastructure.class)
        ? new Customizer(testClass) : null;
  }

  /** Equal per test class, so each class gets its own context and database. */
  private record Customizer(Class<?> testClass) implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
      String name = testClass.getSimpleName();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedInfrastructure", Map.of(
          "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
          "spring.mongodb.uri", infrastructure.mongoUri(),
          "spring.mongodb.database", infrastructure.freshDatabaseName(name),
          "spring.kafka.consumer.group-id", name + "-" + System.identityHashCode(context),
          "spring.kafka.consumer.auto-offset-reset", "earliest",
          "server.address", "127.0.0.1",
          // used only by services with Spring Security's resource server on the classpath
          TestTokens.PUBLIC_KEY_PROPERTY, TestTokens.publicKeyLocation(),
          TestTokens.ISSUER_PROPERTY, TestTokens.ISSUER,
          // tests run as the local stack does: its published development secrets are allowed
          "mash.profile", "local")));
    }
  }
}
