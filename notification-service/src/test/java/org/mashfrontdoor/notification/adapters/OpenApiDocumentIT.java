package org.mashfrontdoor.notification.adapters;

import org.junit.jupiter.api.DisplayName;
import org.mashfrontdoor.platform.testsupport.ServedOpenApiIsCommitted;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=notification-service", "mash.notify.escalate-after=P10D"})
@DisplayName("notification-service: the served OpenAPI document is the one committed in docs/openapi (which CI lints)")
class OpenApiDocumentIT extends ServedOpenApiIsCommitted {
}
