package org.mashfrontdoor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Every service's OpenAPI document says what the platform does: security, problem answers, limits")
class OpenApiDocumentTest {

  static final long BODY_LIMIT = 65536;
  static final int REQUEST_LINE = 8192;

  /** A secured POST with a body and a path id, and an open GET, as springdoc would hand them over. */
  static OpenAPI api() {
    Operation post = new Operation().tags(List.of("steps"))
        .addParametersItem(new Parameter().in("path").name("caseId").schema(OpenApiDocument.parse(
            "{\"type\":\"string\"}")))
        .requestBody(new RequestBody().content(new Content().addMediaType("application/json",
            new MediaType().schema(OpenApiDocument.parse(
                "{\"type\":\"object\",\"properties\":{\"at\":{\"type\":\"string\",\"format\":\"date-time\"}}}")))))
        .responses(new ApiResponses()
            .addApiResponse("200", new ApiResponse().description("done").content(new Content().addMediaType("*/*",
                new MediaType().schema(OpenApiDocument.parse("{\"type\":\"object\"}")))))
            .addApiResponse("404", new ApiResponse().description("no such case").content(new Content()
                .addMediaType("*/*", new MediaType().schema(OpenApiDocument.parse("{\"type\":\"object\"}"))))));
    Operation schema = new Operation()
        .addParametersItem(new Parameter().in("query").name("page").schema(OpenApiDocument.parse(
            "{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":0}")))
        .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("the schema")));
    return new OpenAPI().components(new Components()).paths(new Paths()
        .addPathItem("/api/v1/cases/{caseId}/visits", new PathItem().post(post))
        .addPathItem("/api/v1/schema/marf", new PathItem().get(schema)));
  }

  static JsonNode customised(boolean secured) {
    OpenAPI api = api();
    new OpenApiDocument(secured, BODY_LIMIT, REQUEST_LINE).customise(api);
    return Json31.mapper().valueToTree(api);
  }

  @Test
  void a_secured_operation_needs_the_bearer_token_and_answers_401_and_403_as_problems() {
    JsonNode post = customised(true).at("/paths/~1api~1v1~1cases~1{caseId}~1visits/post");
    assertThat(post.at("/security/0/bearer").isArray()).isTrue();
    for (String status : List.of("400", "401", "403", "413", "415", "500", "503")) {
      assertThat(post.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText())
          .as(status).isEqualTo("#/components/schemas/Problem");
    }
    assertThat(post.at("/responses/413/description").asText()).contains(BODY_LIMIT + " bytes");
    assertThat(post.at("/responses/503/headers/Retry-After/schema/minimum").asInt()).isEqualTo(1);
  }

  @Test
  void what_the_platform_opens_says_so_and_answers_no_401() {
    JsonNode get = customised(true).at("/paths/~1api~1v1~1schema~1marf/get");
    assertThat(get.get("security")).isEmpty();
    assertThat(get.at("/responses").has("401")).isFalse();
    assertThat(get.at("/responses").has("503")).isTrue();
  }

  @Test
  void a_service_without_access_rules_claims_no_security() {
    JsonNode post = customised(false).at("/paths/~1api~1v1~1cases~1{caseId}~1visits/post");
    assertThat(post.has("security")).isFalse();
    assertThat(post.at("/responses").has("401")).isFalse();
  }

  @Test
  void a_declared_error_keeps_its_words_and_gets_the_problem_body_and_success_is_json() {
    JsonNode post = customised(true).at("/paths/~1api~1v1~1cases~1{caseId}~1visits/post");
    assertThat(post.at("/responses/404/description").asText()).isEqualTo("no such case");
    assertThat(post.at("/responses/404/content").has("*/*")).isFalse();
    assertThat(post.at("/responses/404/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(post.at("/responses/200/content").has("application/json")).isTrue();
    assertThat(post.at("/responses/200/content").has("*/*")).isFalse();
  }

  @Test
  void limits_are_what_parsing_and_the_server_enforce() {
    JsonNode api = customised(true);
    JsonNode post = api.at("/paths/~1api~1v1~1cases~1{caseId}~1visits/post");
    assertThat(post.at("/parameters/0/schema/maxLength").asInt()).isEqualTo(REQUEST_LINE);
    assertThat(post.at("/requestBody/content/application~1json/schema/properties/at/maxLength").asInt())
        .isEqualTo(64);
    JsonNode page = api.at("/paths/~1api~1v1~1schema~1marf/get/parameters/0/schema");
    assertThat(page.get("minimum").asLong()).as("a stated bound is kept").isZero();
    assertThat(page.get("maximum").asLong()).isEqualTo(Integer.MAX_VALUE);
    assertThat(api.at("/components/schemas/Problem/properties/status/format").asText()).isEqualTo("int32");
    assertThat(api.at("/tags/0/name").asText()).isEqualTo("steps");
  }
}
