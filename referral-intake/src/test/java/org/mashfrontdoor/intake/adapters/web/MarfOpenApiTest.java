package org.mashfrontdoor.intake.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The OpenAPI MARF body is the published schema, keyword for keyword")
class MarfOpenApiTest {

  @Test
  void the_request_body_is_the_published_schema_with_its_defs_as_components() throws Exception {
    OpenAPI api = new OpenAPI().components(new Components())
        .paths(new Paths().addPathItem(MarfOpenApi.PATH, new PathItem().post(new Operation())));
    new MarfOpenApi().customise(api);

    JsonNode document = Json31.mapper().valueToTree(api);
    assertThat(document.at("/paths/~1api~1v1~1referrals/post/requestBody/content/application~1json/schema/$ref")
        .asText()).isEqualTo("#/components/schemas/" + MarfOpenApi.NAME);
    assertThat(document.at("/paths/~1api~1v1~1referrals/post/requestBody/required").asBoolean()).isTrue();

    // Put the components back where the file has them: what is left must be the file itself.
    JsonNode published = Json31.mapper().readTree(Files.readString(Path.of("../docs/marf-v1.schema.json")));
    ObjectNode rebuilt = (ObjectNode) document.at("/components/schemas/" + MarfOpenApi.NAME).deepCopy();
    rebuilt.set("$schema", published.get("$schema"));
    rebuilt.set("$id", published.get("$id"));
    ObjectNode defs = rebuilt.putObject("$defs");
    published.get("$defs").fieldNames().forEachRemaining(name ->
        defs.set(name, document.at("/components/schemas/" + MarfOpenApi.componentName(name)).deepCopy()));
    backToDefs(rebuilt, published);
    assertThat(normalised(rebuilt)).isEqualTo(normalised(published));
  }

  private static void backToDefs(JsonNode node, JsonNode published) {
    if (node instanceof ObjectNode object && object.has("$ref")) {
      String ref = object.get("$ref").asText();
      published.get("$defs").fieldNames().forEachRemaining(name -> {
        if (ref.equals("#/components/schemas/" + MarfOpenApi.componentName(name))) {
          object.put("$ref", "#/$defs/" + name);
        }
      });
    }
    node.elements().forEachRemaining(child -> backToDefs(child, published));
  }

  /**
   * Written out and read back, so a number is compared by value, not by the Java type holding it; and required is
   * a set: its order means nothing (the OpenAPI model sorts it).
   */
  private static JsonNode normalised(JsonNode node) throws Exception {
    JsonNode copy = Json31.mapper().readTree(Json31.mapper().writeValueAsString(node));
    sortRequired(copy);
    return copy;
  }

  private static void sortRequired(JsonNode node) {
    if (node instanceof ObjectNode object && object.get("required") instanceof ArrayNode required) {
      List<String> names = new ArrayList<>();
      required.forEach(n -> names.add(n.asText()));
      names.sort(null);
      required.removeAll();
      names.forEach(required::add);
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      sortRequired(children.next());
    }
  }
}
