package org.mashfrontdoor.intake.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.adapters.SampleMarfs;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import tools.jackson.databind.JsonNode;

/** The published schema's two variants of the form: a partner's MARF, and a contact recorded by MASH staff. */
@DisplayName("The MARF schema")
class MarfSchemaTest {

  final MarfSchema schema = new MarfSchema();

  static final String RECORDED = """
      {"source":"%s","referralType":"MARF"%s,
       "children":[{"givenName":"Mia","familyName":"Thorne","dateOfBirth":"2018-09-30"}],
       "concern":{"categories":["NEGLECT"],"summary":"Left alone at night.","immediateRisk":false},
       "consent":{"parentAware":false,"consentGiven":false,"reasonNotSought":"Anonymous caller."}}""";

  List<String> pointers(String body) throws StrictJson.Refused {
    return errors(body).stream().map(InvalidField::pointer).toList();
  }

  List<InvalidField> errors(String body) throws StrictJson.Refused {
    return schema.check(StrictJson.readTree(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void lists_every_agency_code_of_the_platform_once_for_both_source_and_referrer() throws Exception {
    JsonNode published = EventJson.mapper().readTree(getClass().getClassLoader()
        .getResourceAsStream(SchemaController.RESOURCE));
    List<String> codes = new ArrayList<>();
    published.at("/$defs/agency/enum").forEach(code -> codes.add(code.asString()));
    assertThat(codes).containsExactlyElementsOf(Arrays.stream(Agency.values()).map(Enum::name).toList());
    assertThat(codes).contains("INDIVIDUAL", "FAMILY_MEMBER", "ANONYMOUS");
    assertThat(published.at("/properties/source/$ref").asString()).isEqualTo("#/$defs/agency");
    assertThat(published.at("/properties/referrer/properties/agency/$ref").asString()).isEqualTo("#/$defs/agency");
  }

  @Test
  void a_contact_recorded_by_staff_needs_no_referrer_and_describes_the_caller_without_an_agency() throws Exception {
    assertThat(pointers(RECORDED.formatted("ANONYMOUS", ""))).isEmpty();
    assertThat(pointers(RECORDED.formatted("FAMILY_MEMBER", ",\"referrer\":{\"name\":\"J. Thorne\"}"))).isEmpty();
    assertThat(errors(RECORDED.formatted("FAMILY_MEMBER", ",\"referrer\":{\"agency\":\"POLICE\"}")))
        .singleElement().satisfies(error -> {
          assertThat(error.pointer()).isEqualTo("/referrer/agency");
          assertThat(error.detail()).contains("source").doesNotContain("POLICE");
        });
    assertThat(pointers(RECORDED.formatted("NEIGHBOUR", ""))).containsExactly("/source");
    assertThat(pointers(RECORDED.formatted("INDIVIDUAL", ",\"referrer\":{\"email\":\"not an email\"}")))
        .containsExactly("/referrer/email");
  }

  @Test
  void a_partners_marf_needs_its_referrer_as_before() throws Exception {
    assertThat(pointers(SampleMarfs.SCHOOL_CONCERN)).isEmpty();
    assertThat(pointers(SampleMarfs.SCHOOL_CONCERN.replaceFirst(
        "\"referrer\":\\{[^}]*},", ""))).containsExactly("/referrer");
    assertThat(pointers(SampleMarfs.SCHOOL_CONCERN.replace("\"name\":\"A. Teacher\",", "")))
        .containsExactly("/referrer/name");
  }
}
