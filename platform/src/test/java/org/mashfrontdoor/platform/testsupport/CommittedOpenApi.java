package org.mashfrontdoor.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mashfrontdoor.platform.events.EventJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as committed in {@code docs/openapi/<service>.json}, which {@code .ci/run} lints with
 * Spectral: a test fetches the live {@code /v3/api-docs} and fails when the two differ, so the linted file is the
 * served one. {@code -Dmash.openapi.write=true} writes the live document there instead (then review the diff).
 */
public final class CommittedOpenApi {

  /** Surefire runs with the module directory as working directory; docs is beside it. */
  public static final Path DIRECTORY = Path.of("..", "docs", "openapi");
  public static final String WRITE_PROPERTY = "mash.openapi.write";

  private CommittedOpenApi() {
  }

  /** The committed file, {@code docs/openapi/<service>.json}. */
  public static Path file(String service) {
    return DIRECTORY.resolve(service + ".json");
  }

  /** Passes when the live document equals the committed one (or writes it, with {@value #WRITE_PROPERTY}). */
  public static void assertMatches(String service, String liveJson) {
    String live = pretty(liveJson);
    Path file = file(service);
    try {
      if (Boolean.getBoolean(WRITE_PROPERTY)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, live, StandardCharsets.UTF_8);
      }
      assertThat(file).as("%s: regenerate with -D%s=true", file, WRITE_PROPERTY).exists();
      assertThat(live)
          .as("%s's live /v3/api-docs differs from %s: regenerate it with -D%s=true and commit it (Spectral in"
              + " .ci/run lints that file)", service, file, WRITE_PROPERTY)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sorted keys and two-space indentation: one stable form, whatever order the live document came in. */
  static String pretty(String json) {
    JsonNode tree = EventJson.mapper().readTree(json);
    return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sortedCopy(tree)) + "\n";
  }

  private static JsonNode sortedCopy(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = EventJson.mapper().createObjectNode();
      node.propertyNames().stream().sorted().forEach(name -> sorted.set(name, sortedCopy(node.get(name))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode copy = EventJson.mapper().createArrayNode();
      node.forEach(element -> copy.add(sortedCopy(element)));
      return copy;
    }
    return node;
  }
}
