package org.mashfrontdoor.intake.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MARFs the local demos post (deploy/local/demo, demo-clock) pass the published schema and the domain rules,
 * so the stricter intake keeps the demos working; the demos' shell placeholders are filled as the scripts do.
 */
class DemoMarfsTest {

  static final Pattern MARF = Pattern.compile("(?m)^(\\w*MARF)='(.*?)'$", Pattern.DOTALL);

  static Map<String, String> marfsIn(String script) throws Exception {
    String text = Files.readString(Path.of("../deploy/local/" + script));
    Map<String, String> marfs = new LinkedHashMap<>();
    Matcher m = MARF.matcher(text.replace("'\"'\"'", "\u0001"));
    while (m.find()) {
      marfs.put(script + " " + m.group(1), m.group(2).replace("\u0001", "'")
          .replaceAll("@DOB_\\w+@|'\"\\$DOB\"'", "2019-07-02")
          .replaceAll("@NHS_\\w+@|'\"\\$NHS\"'", "9990000026"));
    }
    return marfs;
  }

  @Test
  void every_demo_marf_passes_the_schema_and_the_domain_rules() throws Exception {
    Map<String, String> marfs = new LinkedHashMap<>(marfsIn("demo"));
    marfs.putAll(marfsIn("demo-clock"));
    assertThat(marfs).hasSize(5);
    MarfSchema schema = new MarfSchema();
    MarfValidation domain = new MarfValidation(Clock.systemUTC());
    marfs.forEach((name, body) -> {
      try {
        JsonNode tree = StrictJson.readTree(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(schema.check(tree)).as(name).isEmpty();
        assertThat(domain.check(StrictJson.bind(tree, MarfRequest.class))).as(name).isEmpty();
      } catch (StrictJson.Refused refused) {
        throw new AssertionError(name + ": " + refused.problem, refused);
      }
    });
  }
}
