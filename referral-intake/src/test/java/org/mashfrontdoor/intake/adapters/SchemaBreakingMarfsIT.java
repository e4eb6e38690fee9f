package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 10: an outside JSON Schema tool found MARFs that break the published schema accepted and altered. Each
 * case here is a valid MARF with one schema-breaking change; every one must be a 400 problem naming the field by
 * JSON Pointer, with nothing stored, over HTTP against the real app. The unchanged forms are accepted.
 */
@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=referral-intake")
@DisplayName("referral-intake: a MARF that breaks the published schema is refused, naming the field")
class SchemaBreakingMarfsIT {

  static final String POLICE = TestTokens.partner("west-mercia-police", "POLICE",
      "West Mercia Police", "referral:submit").mint();
  static final JsonNodeFactory nodes = JsonNodeFactory.instance;

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;


  /** A change to the complete police MARF, as a tree. */
  static Arguments tree(String name, String pointer, Consumer<ObjectNode> change) {
    ObjectNode marf = MarfPropertiesIT.validMarf();
    change.accept(marf);
    return Arguments.of(name, pointer, EventJson.mapper().writeValueAsString(marf));
  }

  /** A change to the complete police MARF's text, for what a tree cannot hold (repeated keys, bad escapes). */
  static Arguments text(String name, String pointer, UnaryOperator<String> change) {
    String marf = EventJson.mapper().writeValueAsString(MarfPropertiesIT.validMarf());
    String changed = change.apply(marf);
    assertThat(changed).as("the change applies").isNotEqualTo(marf);
    return Arguments.of(name, pointer, changed);
  }

  static ObjectNode at(ObjectNode marf, String pointer) {
    return (ObjectNode) marf.at(pointer);
  }

  static Stream<Arguments> schemaBreakingMarfs() {
    return Stream.of(
        // fractional and quoted integers
        tree("levelOfNeed 2.5", "/concern/levelOfNeed", m -> at(m, "/concern").put("levelOfNeed", 2.5)),
        tree("levelOfNeed \"3\"", "/concern/levelOfNeed", m -> at(m, "/concern").put("levelOfNeed", "3")),
        tree("levelOfNeed 3.0 (a whole number with a fraction)", "/concern/levelOfNeed",
            m -> at(m, "/concern").put("levelOfNeed", 3.0)),
        tree("levelOfNeed [3]", "/concern/levelOfNeed",
            m -> at(m, "/concern").set("levelOfNeed", nodes.arrayNode().add(3))),
        tree("levelOfNeed true", "/concern/levelOfNeed", m -> at(m, "/concern").put("levelOfNeed", true)),
        tree("levelOfNeed 5, out of range", "/concern/levelOfNeed", m -> at(m, "/concern").put("levelOfNeed", 5)),
        // numbers and strings for booleans
        tree("consentGiven 1", "/consent/consentGiven", m -> at(m, "/consent").put("consentGiven", 1)),
        tree("consentGiven \"true\"", "/consent/consentGiven", m -> at(m, "/consent").put("consentGiven", "true")),
        tree("immediateRisk \"true\"", "/concern/immediateRisk",
            m -> at(m, "/concern").put("immediateRisk", "true")),
        tree("immediateRisk 0", "/concern/immediateRisk", m -> at(m, "/concern").put("immediateRisk", 0)),
        tree("immediateRisk null", "/concern/immediateRisk", m -> at(m, "/concern").putNull("immediateRisk")),
        tree("onChildProtectionPlan \"yes\"", "/children/0/onChildProtectionPlan",
            m -> at(m, "/children/0").put("onChildProtectionPlan", "yes")),
        tree("childrenPresent 1", "/domesticAbuse/childrenPresent",
            m -> at(m, "/domesticAbuse").put("childrenPresent", 1)),
        // numbers and booleans for strings
        tree("familyName 42", "/children/0/familyName", m -> at(m, "/children/0").put("familyName", 42)),
        tree("summary true", "/concern/summary", m -> at(m, "/concern").put("summary", true)),
        tree("nhsNumber as a number", "/children/0/nhsNumber",
            m -> at(m, "/children/0").put("nhsNumber", 9434765919L)),
        tree("adult givenName 1.5", "/household/adults/0/givenName",
            m -> at(m, "/household/adults/0").put("givenName", 1.5)),
        // arrays: unique items, scalars for arrays, objects for arrays
        tree("a concern category twice", "/concern/categories",
            m -> ((ArrayNode) m.at("/concern/categories")).add("DOMESTIC_ABUSE")),
        tree("a risk factor twice", "/household/riskFactors",
            m -> ((ArrayNode) m.at("/household/riskFactors")).add("DOMESTIC_ABUSE")),
        tree("categories as one string", "/concern/categories",
            m -> at(m, "/concern").put("categories", "NEGLECT")),
        tree("children as one object", "/children", m -> m.set("children", m.at("/children/0"))),
        tree("no children", "/children", m -> m.set("children", nodes.arrayNode())),
        // dates
        tree("a date-time for a date of birth", "/children/0/dateOfBirth",
            m -> at(m, "/children/0").put("dateOfBirth", "2016-03-14T00:00:00Z")),
        tree("a date-time for the incident date", "/concern/incidentDate",
            m -> at(m, "/concern").put("incidentDate", "2026-01-05T22:30:00")),
        tree("30 February", "/household/adults/0/dateOfBirth",
            m -> at(m, "/household/adults/0").put("dateOfBirth", "1990-02-30")),
        tree("a date as numbers", "/children/0/dateOfBirth",
            m -> at(m, "/children/0").set("dateOfBirth", nodes.arrayNode().add(2016).add(3).add(14))),
        // repeated keys, lone surrogates
        text("familyName given twice", "/children/0/familyName",
            s -> s.replaceFirst("\"familyName\":\"Marsh\"", "\"familyName\":\"Marsh\",\"familyName\":\"Hale\"")),
        text("referralType given twice", "/referralType",
            s -> s.replaceFirst("\\{\"referralType\":\"POLICE_NOTIFICATION\"",
                "{\"referralType\":\"POLICE_NOTIFICATION\",\"referralType\":\"MARF\"")),
        text("a lone high surrogate in the summary", "/concern/summary",
            s -> s.replace("Officers attended.", "Officers \\ud83d attended.")),
        text("a lone low surrogate in a name", "/children/0/givenName",
            s -> s.replace("\"givenName\":\"Ava\"", "\"givenName\":\"\\udc00Ava\"")),
        text("a lone surrogate in a field name", "/referrer",
            s -> s.replace("\"role\":\"PPU\"", "\"r\\ud800ole\":\"PPU\"")),
        // unknown and missing fields
        tree("an unknown field", "/children/0/nickname", m -> at(m, "/children/0").put("nickname", "Avie")),
        tree("an unknown top-level field", "/priority", m -> m.put("priority", "HIGH")),
        tree("no summary", "/concern/summary", m -> at(m, "/concern").remove("summary")),
        tree("no referrer", "/referrer", m -> m.remove("referrer")),
        tree("a source from a partner (its source is its token's agency)", "/source",
            m -> m.put("source", "POLICE")),
        tree("no family name", "/children/0/familyName", m -> at(m, "/children/0").remove("familyName")),
        tree("no DASH risk level", "/domesticAbuse/dashRiskLevel",
            m -> at(m, "/domesticAbuse").remove("dashRiskLevel")),
        // values out of enum, shape or length
        tree("referralType REFERRAL", "/referralType", m -> m.put("referralType", "REFERRAL")),
        tree("sex \"M\"", "/children/0/sex", m -> at(m, "/children/0").put("sex", "M")),
        tree("DASH level in lower case", "/domesticAbuse/dashRiskLevel",
            m -> at(m, "/domesticAbuse").put("dashRiskLevel", "high")),
        tree("a category by number", "/concern/categories/0",
            m -> ((ArrayNode) m.at("/concern/categories")).set(0, nodes.numberNode(1))),
        tree("not an email", "/referrer/email", m -> at(m, "/referrer").put("email", "ppu at example.org")),
        tree("not a postcode", "/children/0/address/postcode",
            m -> at(m, "/children/0/address").put("postcode", "HR4")),
        tree("a blank family name", "/children/0/familyName", m -> at(m, "/children/0").put("familyName", "  ")),
        tree("a summary over 8000 characters", "/concern/summary",
            m -> at(m, "/concern").put("summary", "s".repeat(8001))),
        tree("a nine-digit NHS number", "/children/0/nhsNumber",
            m -> at(m, "/children/0").put("nhsNumber", "943476591")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaBreakingMarfs")
  void is_a_400_naming_the_field_and_stores_nothing(String change, String pointer, String body) throws Exception {
    long before = storedReferrals();

    HttpResponse<String> response = post(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(pointers(response)).as(response.body()).contains(pointer);
    assertThat(storedReferrals()).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void a_surrogate_encoded_as_raw_utf8_bytes_is_refused_naming_the_field() throws Exception {
    String marf = EventJson.mapper().writeValueAsString(MarfPropertiesIT.validMarf());
    // ED A0 80: U+D800 written as UTF-8 (CESU-style), which strict UTF-8 forbids.
    byte[] body = concat(marf.substring(0, marf.indexOf("attended.")), new byte[] {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, marf.substring(marf.indexOf("attended.")));
    long before = storedReferrals();

    HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(body));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(pointers(response)).contains("/concern/summary");
    assertThat(storedReferrals()).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void bytes_that_are_not_utf8_are_malformed_json_named_where_reading_stopped() throws Exception {
    String marf = EventJson.mapper().writeValueAsString(MarfPropertiesIT.validMarf());
    byte[] body = concat(marf.substring(0, marf.indexOf("attended.")), new byte[] {(byte) 0xFF},
        marf.substring(marf.indexOf("attended.")));

    HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofByteArray(body));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(EventJson.mapper().readTree(response.body()).path("title").asString()).isEqualTo("Malformed JSON");
    assertThat(pointers(response)).contains("/concern/summary");
  }

  static byte[] concat(String before, byte[] middle, String after) {
    byte[] head = before.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + middle.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(middle, 0, all, head.length, middle.length);
    System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
    return all;
  }

  static Stream<Arguments> validMarfs() {
    return Stream.of(
        Arguments.of("the complete police MARF", EventJson.mapper().writeValueAsString(MarfPropertiesIT.validMarf())),
        Arguments.of("the school's MARF", SampleMarfs.SCHOOL_CONCERN.replace("\"agency\":\"SCHOOL\"",
            "\"agency\":\"POLICE\"")),
        Arguments.of("an emoji (a surrogate pair) and escaped quotes in the summary",
            EventJson.mapper().writeValueAsString(MarfPropertiesIT.validMarf())
                .replace("Officers attended.", "Officers attended \\\"late\\\" \\ud83d\\ude42")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validMarfs")
  void the_unchanged_forms_are_accepted(String form, String body) throws Exception {
    HttpResponse<String> response = post(body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  HttpResponse<String> post(String body) throws Exception {
    return post(HttpRequest.BodyPublishers.ofString(body));
  }

  HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
    TestHttp intake = TestHttp.on(port);
    return intake.send(intake.request("/api/v1/referrals", POLICE).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString()).POST(body));
  }

  static List<String> pointers(HttpResponse<String> response) {
    List<String> pointers = new ArrayList<>();
    JsonNode errors = EventJson.mapper().readTree(response.body()).path("errors");
    errors.forEach(e -> pointers.add(e.get("pointer").asString()));
    return pointers;
  }

  long storedReferrals() {
    return database.getCollection("referrals").countDocuments();
  }
}
