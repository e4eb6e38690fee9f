package org.mashfrontdoor.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.ReferralType;
import org.mashfrontdoor.platform.testsupport.EventContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("docs/asyncapi.yaml, the event contract")
class EventContractTest {

  private final EventContract contract = EventContract.get();

  @Test
  @DisplayName("names the three topics of Topics, and each type on the topic of its area")
  void topicsAreTheOnesInTopics() {
    Set<String> all = new TreeSet<>();
    for (String topic : new String[] {Topics.REFERRAL_EVENTS, Topics.TRIAGE_EVENTS, Topics.CASE_EVENTS}) {
      Set<String> types = contract.typesOn(topic);
      String area = topic.split("\\.")[1];
      assertThat(types).as(topic).isNotEmpty().allSatisfy(type -> assertThat(type).startsWith(area + "."));
      all.addAll(types);
    }
    assertThat(all).isEqualTo(contract.types());
    assertThat(contract.types()).hasSize(20);
  }

  @Test
  @DisplayName("every example conforms to its type's schema, and its headers match its envelope")
  void everyExampleConforms() {
    for (String type : contract.types()) {
      for (String example : contract.examples(type)) {
        assertThat(contract.violations(example)).as(type).isEmpty();
        EventEnvelope event = EventJson.read(example);
        assertThat(event.type()).isEqualTo(type);
        assertThat(EventJson.write(event)).as("an example is what the platform writes").isEqualTo(example);
      }
    }
  }

  @Test
  @DisplayName("a field renamed, a field added, a value off the list or a null where none is allowed is a violation")
  void theSchemasAreStrict() {
    String example = contract.examples("triage.decision-recorded.v1").getFirst();
    assertThat(contract.violations(mutate(example, data -> data.set("decisionOutcome", data.remove("outcome")))))
        .anySatisfy(v -> assertThat(v).contains("outcome"))
        .anySatisfy(v -> assertThat(v).contains("decisionOutcome"));
    assertThat(contract.violations(mutate(example, data -> data.put("extra", 1)))).isNotEmpty();
    assertThat(contract.violations(mutate(example, data -> data.put("outcome", "ADOPTION")))).isNotEmpty();
    assertThat(contract.violations(mutate(example, data -> data.putNull("rationale")))).isNotEmpty();
    assertThat(contract.violations(mutate(example, data -> data.put("decidedAt", "2026-03-02")))).isNotEmpty();
    assertThat(contract.violations(example.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\"")))
        .isNotEmpty();
  }

  @Test
  @DisplayName("its shared lists are platform's code lists, value for value")
  void sharedListsAreThePlatformCodes() {
    contract.assertListIs("Agency", Agency.class);
    contract.assertListIs("CaseDeadlineKind", CaseDeadlineKind.class);
    contract.assertListIs("MashOutcome", MashOutcome.class);
    contract.assertListIs("DashRiskLevel", DashRiskLevel.class);
    contract.assertListIs("ReferralType", ReferralType.class);
  }

  private static String mutate(String example, java.util.function.Consumer<ObjectNode> change) {
    JsonNode event = EventJson.mapper().readTree(example);
    change.accept((ObjectNode) event.get("data"));
    return EventJson.mapper().writeValueAsString(event);
  }
}
