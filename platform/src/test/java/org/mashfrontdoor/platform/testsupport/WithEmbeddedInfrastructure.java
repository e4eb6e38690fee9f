package org.mashfrontdoor.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the real embedded broker and store of {@link EmbeddedInfrastructure}. In a
 * Spring test the context gets {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.uri} (a database
 * of its own), a consumer group of its own, and trusts the bearer tokens {@link TestTokens} mints.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedInfrastructureExtension.class)
public @interface WithEmbeddedInfrastructure {
}
