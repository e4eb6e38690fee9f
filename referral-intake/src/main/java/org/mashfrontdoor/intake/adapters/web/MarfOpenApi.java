package org.mashfrontdoor.intake.adapters.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The MARF request body of the OpenAPI document is the published JSON Schema itself, read from the same resource
 * {@link MarfSchema} validates every form against (ADR 0011), so the document cannot drift from what intake accepts.
 * Only what OpenAPI needs changes: its {@code $defs} become component schemas ({@code MarfV1Agency}, ...) and the
 * {@code $ref}s follow them, and {@code $schema} and {@code $id} go (the document's dialect is 2020-12 already).
 */
@Component
class MarfOpenApi implements OpenApiCustomizer, Ordered {

  static final String NAME = "MarfV1";
  static final String PATH = "/api/v1/referrals";

  private final ObjectNode schema;

  MarfOpenApi() {
    try (InputStream in = new ClassPathResource(SchemaController.RESOURCE).getInputStream()) {
      this.schema = (ObjectNode) Json31.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE; // before the platform's customizer, which then sees the schema too
  }

  @Override
  public void customise(OpenAPI api) {
    ObjectNode marf = schema.deepCopy();
    marf.remove("$schema");
    marf.remove("$id");
    JsonNode defs = marf.remove("$defs");
    if (defs != null) {
      for (Iterator<String> names = defs.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        api.getComponents().addSchemas(componentName(name), toSchema(defs.get(name)));
      }
    }
    api.getComponents().addSchemas(NAME, toSchema(marf));
    Operation submit = api.getPaths().get(PATH).getPost();
    RequestBody body = submit.getRequestBody() == null ? new RequestBody() : submit.getRequestBody();
    submit.setRequestBody(body.required(true).content(new Content().addMediaType("application/json",
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + NAME)))));
  }

  static String componentName(String def) {
    return NAME + Character.toUpperCase(def.charAt(0)) + def.substring(1);
  }

  private static Schema<?> toSchema(JsonNode node) {
    JsonNode copy = node.deepCopy();
    followDefs(copy);
    return Json31.mapper().convertValue(copy, Schema.class);
  }

  /** {@code #/$defs/agency} becomes {@code #/components/schemas/MarfV1Agency}, wherever it is. */
  private static void followDefs(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
        object.put("$ref", "#/components/schemas/" + componentName(ref.asText().substring("#/$defs/".length())));
      }
    }
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      followDefs(children.next());
    }
  }
}
