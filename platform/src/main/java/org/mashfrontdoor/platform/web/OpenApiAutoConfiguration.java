package org.mashfrontdoor.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.mashfrontdoor.platform.security.ApiAccessRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * Every service's OpenAPI document ({@code /v3/api-docs}, committed as {@code docs/openapi/<service>.json} and
 * linted by Spectral in {@code .ci/run}): its description, server and bearer-token scheme here, what the platform
 * answers on every operation in {@link OpenApiDocument}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.springdoc.core.customizers.OpenApiCustomizer",
    "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
public class OpenApiAutoConfiguration {

  /**
   * A server relative to the document (springdoc would otherwise write the URL it was asked on, which differs per
   * host and port). {@code mash.openapi.internal}: whether only MASH staff systems call it (intake's partners are
   * outside).
   */
  @Bean
  @ConditionalOnMissingBean
  OpenAPI mashOpenApi(@Value("${spring.application.name:MASH Front Door service}") String name,
      @Value("${mash.openapi.internal:true}") boolean internal) {
    Server server = new Server().url("/").description("This service, at the host the document was fetched from "
        + "(the local stack, test or production alike)");
    server.addExtension("x-internal", internal);
    return new OpenAPI()
        .info(new Info().title(name).version("v1").description("MASH Front Door: " + name + ". Every operation "
            + "but the open ones needs a bearer token; errors are application/problem+json (RFC 9457) naming each bad"
            + " field by JSON Pointer and never echoing a submitted value."))
        .servers(List.of(server))
        .components(new Components().addSecuritySchemes(OpenApiDocument.BEARER, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
            .description("An OAuth2 access token, a signed JWT, handled as RFC8725 (JWT best current practices) "
                + "asks: the signature is verified with the issuer's published keys (an unsigned token is refused), "
                + "and iss, aud (OAUTH2_AUDIENCES) and exp are always checked (a token without exp is refused). "
                + "Partner systems get theirs by client credentials (scopes), staff by signing in (roles claim).")));
  }

  @Bean
  OpenApiDocument mashOpenApiDocument(ObjectProvider<ApiAccessRules> rules,
      @Value("${mash.web.max-body-size:64KB}") DataSize maxBody,
      @Value("${server.max-http-request-header-size:8KB}") DataSize maxRequestLine) {
    return new OpenApiDocument(rules.stream().findAny().isPresent(), maxBody.toBytes(),
        (int) maxRequestLine.toBytes());
  }
}
