package org.mashfrontdoor.intake.adapters.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the MARF v1 JSON Schema (the same file as {@code docs/marf-v1.schema.json}). */
@RestController
class SchemaController {

  static final String RESOURCE = "schema/marf-v1.schema.json";

  private final byte[] schema;

  SchemaController() throws IOException {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      this.schema = in.readAllBytes();
    }
  }

  @Operation(summary = "The MARF v1 JSON Schema (draft 2020-12)", description = "The schema every MARF posted to "
      + "/api/v1/referrals is checked against, byte for byte the file docs/marf-v1.schema.json; open to anyone.")
  @ApiResponse(responseCode = "200", description = "The JSON Schema document", content = @Content(
      mediaType = "application/schema+json", schema = @Schema(type = "object", description = "A JSON Schema")))
  @GetMapping(value = "/api/v1/schema/marf", produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<byte[]> marf() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/schema+json")).body(schema);
  }
}
