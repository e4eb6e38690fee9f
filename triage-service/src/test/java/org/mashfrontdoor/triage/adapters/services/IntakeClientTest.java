package org.mashfrontdoor.triage.adapters.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.staffpages.StaffAccessTokens;
import org.mashfrontdoor.triage.application.Intake;
import org.mashfrontdoor.triage.application.PhoneContact;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.JsonNode;

/** A phone contact goes to intake as a MARF, as the member of staff; intake's answers come back in words. */
@DisplayName("IntakeClient: a staff-recorded contact posted to intake as the member of staff")
class IntakeClientTest {

  static final Staff WORKER = new Staff("sw-1", Role.MASH_SOCIAL_WORKER);
  static final PhoneContact CONTACT = new PhoneContact(PhoneContact.Channel.PHONE,
      new PhoneContact.Caller("A Neighbour", Agency.ACQUAINTANCE, "Member of the public", null, " ", "01432 000000"),
      new PhoneContact.ChildNamed("Sam", "Example", LocalDate.of(2019, 5, 1), "1 High Street", "Hereford", "HR1 2AB",
          null), "NEGLECT", "Left alone at night.", true, false, false, "Seeking it could put the child at risk.");

  HttpServer intake;
  final Map<String, String> seen = new ConcurrentHashMap<>();
  volatile int status;
  volatile String answer;

  @BeforeEach
  void start() throws IOException {
    intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    intake.createContext("/api/v1/referrals", exchange -> {
      seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
      seen.put("idempotency", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
      seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    intake.start();
  }

  @AfterEach
  void stop() {
    intake.stop(0);
  }

  IntakeClient client(String url) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("tokens", (StaffAccessTokens) staffId -> Optional.of("token-of-" + staffId));
    return new IntakeClient(url, beans.getBeanProvider(StaffAccessTokens.class));
  }

  String url() {
    return "http://127.0.0.1:" + intake.getAddress().getPort();
  }

  @Test
  void the_contact_goes_as_a_marf_with_its_source_as_the_member_of_staff_and_the_form_as_idempotency_key() {
    status = 202;
    answer = "{\"referralId\":\"r-1\",\"reference\":\"MARF-2026-000042\",\"status\":\"RECEIVED\"}";
    Intake.Received received = client(url()).submit(CONTACT, "form-1234-5678", WORKER);
    assertThat(received).isEqualTo(new Intake.Received("r-1", "MARF-2026-000042"));
    assertThat(seen.get("authorization")).isEqualTo("Bearer token-of-sw-1");
    assertThat(seen.get("idempotency")).isEqualTo("form-1234-5678");
    JsonNode marf = EventJson.mapper().readTree(seen.get("body"));
    assertThat(marf.get("source").asString()).as("who it came from, intake's agency code").isEqualTo("ACQUAINTANCE");
    assertThat(marf.at("/referrer").has("agency")).as("the caller, without an agency").isFalse();
    assertThat(marf.at("/referrer").has("email")).as("a blank answer is left out for intake to name").isFalse();
    assertThat(marf.at("/children/0/dateOfBirth").asString()).isEqualTo("2019-05-01");
    assertThat(marf.at("/children/0/address/postcode").asString()).isEqualTo("HR1 2AB");
    assertThat(marf.at("/concern/categories/0").asString()).isEqualTo("NEGLECT");
    assertThat(marf.at("/concern/immediateRisk").asBoolean()).isTrue();
    assertThat(marf.at("/consent/reasonNotSought").asString()).startsWith("Seeking it");
  }

  @Test
  void intakes_400_comes_back_as_each_problem_with_its_pointer() {
    status = 400;
    answer = "{\"title\":\"Invalid request\",\"errors\":[{\"pointer\":\"/referrer/email\",\"detail\":\"is required\"},"
        + "{\"pointer\":\"/source\",\"detail\":\"is not a known field\"}]}";
    assertThatThrownBy(() -> client(url()).submit(CONTACT, "form-1234-5678", WORKER))
        .isInstanceOfSatisfying(Intake.Refused.class, refused -> assertThat(refused.problems()).containsExactly(
            new Intake.Problem("/referrer/email", "is required"),
            new Intake.Problem("/source", "is not a known field")));
  }

  @Test
  void a_refusal_of_the_staff_token_or_no_answer_at_all_is_said_in_words() {
    status = 403;
    answer = "{\"title\":\"Insufficient scope or role\"}";
    assertThatThrownBy(() -> client(url()).submit(CONTACT, "form-1234-5678", WORKER))
        .isInstanceOf(Intake.NotTaken.class).hasMessageContaining("does not take contacts recorded by MASH staff")
        .hasMessageContaining("(403)");
    intake.stop(0);
    assertThatThrownBy(() -> client(url()).submit(CONTACT, "form-1234-5678", WORKER))
        .isInstanceOf(Intake.NotTaken.class).hasMessageContaining("Intake did not answer");
  }
}
