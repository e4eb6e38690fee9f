package org.mashfrontdoor.intake.adapters.web;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The published MARF JSON Schema, the one source of the form's field rules, applied to every body before the
 * domain rules (ADR 0011). {@code format} is asserted, not just annotated, so a date-time is not a date.
 */
@Component
class MarfSchema {

  private final Schema schema;

  MarfSchema() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    try (InputStream in = new ClassPathResource(SchemaController.RESOURCE).getInputStream()) {
      this.schema = registry.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each violation, named by JSON Pointer; messages never echo the submitted value (it may be personal data). */
  List<InvalidField> check(JsonNode marf) {
    return schema.validate(marf).stream().map(MarfSchema::invalidField).distinct().toList();
  }

  private static InvalidField invalidField(Error error) {
    String at = pointer(error.getInstanceLocation());
    return switch (error.getKeyword()) {
      case "required" -> new InvalidField(at + "/" + StrictJson.escape(error.getProperty()), "is required");
      case "additionalProperties" -> new InvalidField(at + "/" + StrictJson.escape(error.getProperty()),
          "is not a field of this form (unknown fields are rejected, not dropped)");
      // The schema's one false subschema: referrer.agency on a contact recorded by MASH staff.
      case "false" -> new InvalidField(at, "is not a field of this variant of the form: a contact recorded by MASH "
          + "staff says who made it in source");
      case "type" -> new InvalidField(at, "must be " + article(error.getSchemaNode().asString()) + " "
          + error.getSchemaNode().asString() + " as written (nothing is converted)");
      default -> new InvalidField(at, withoutValue(error));
    };
  }

  /** The validator's message, unless it quotes the submitted value. */
  private static String withoutValue(Error error) {
    JsonNode value = error.getInstanceNode();
    String message = error.getMessage();
    if (value != null && value.isString() && !value.asString().isEmpty() && message.contains(value.asString())) {
      return "is not valid (" + error.getKeyword() + ")";
    }
    return message;
  }

  private static String article(String type) {
    return type.matches("^[aeiou].*") ? "an" : "a";
  }

  static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer.append('/').append(element instanceof String name ? StrictJson.escape(name) : element);
    }
    return pointer.toString();
  }
}
