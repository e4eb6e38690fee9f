package org.mashfrontdoor.triage.adapters.services;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.staffpages.StaffAccessTokens;
import org.mashfrontdoor.triage.application.Intake;
import org.mashfrontdoor.triage.application.PhoneContact;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a phone or email contact at intake: {@code POST /api/v1/referrals} as a MARF (schema v1) with a top-level
 * {@code source} (who it came from, an agency code such as ANONYMOUS), as the member of staff who took it, with the form's submission id as the
 * Idempotency-Key (a form sent twice is one contact). Intake's 400 names each bad field by JSON Pointer; those come
 * back as {@link Intake.Refused}. Blank answers are left out, so intake says what is missing.
 */
public class IntakeClient implements Intake {

  private final CallsAsStaff calls;
  /** Read once from intake's published schema (it changes only with a new intake). */
  private final AtomicReference<List<String>> categories = new AtomicReference<>();

  public IntakeClient(String baseUrl, ObjectProvider<StaffAccessTokens> tokens) {
    this.calls = new CallsAsStaff(baseUrl, tokens);
  }

  @Override
  public List<String> concernCategories() {
    List<String> known = categories.get();
    if (known != null) {
      return known;
    }
    try {
      String schema = calls.client().get().uri("/api/v1/schema/marf").retrieve().body(String.class);
      List<String> read = EventJson.mapper().readTree(schema).at("/properties/concern/properties/categories/items/enum")
          .valueStream().map(JsonNode::asString).toList();
      if (!read.isEmpty()) {
        categories.compareAndSet(null, read);
      }
      return read;
    } catch (RuntimeException e) {
      return List.of(); // intake is away: the form asks for the category as text, and intake checks it later
    }
  }

  @Override
  public Received submit(PhoneContact contact, String submissionId, Staff staff) {
    String bearer = calls.bearer(staff)
        .orElseThrow(() -> new NotTaken("Sign in again to record a contact. Nothing was recorded."));
    ResponseEntity<String> answer;
    try {
      answer = calls.client().post().uri("/api/v1/referrals").header("Authorization", bearer)
          .header("Idempotency-Key", submissionId).contentType(MediaType.APPLICATION_JSON)
          .body(EventJson.mapper().writeValueAsString(marf(contact)))
          .retrieve().onStatus(code -> true, (request, response) -> { }).toEntity(String.class);
    } catch (RestClientException e) {
      throw new NotTaken("Intake did not answer (" + e.getClass().getSimpleName() + "). Nothing was recorded: try again.");
    }
    int status = answer.getStatusCode().value();
    JsonNode body = EventJson.mapper().readTree(answer.getBody() == null || answer.getBody().isBlank() ? "{}"
        : answer.getBody());
    if (status == 202 || status == 200) {
      return new Received(CallsAsStaff.text(body, "referralId"), CallsAsStaff.text(body, "reference"));
    }
    if (status == 400 && body.path("errors").isArray() && !body.path("errors").isEmpty()) {
      List<Problem> problems = new ArrayList<>();
      for (JsonNode error : body.path("errors")) {
        problems.add(new Problem(CallsAsStaff.text(error, "pointer"), CallsAsStaff.text(error, "detail")));
      }
      throw new Refused(problems);
    }
    if (status == 401 || status == 403) {
      throw new NotTaken("Intake does not take contacts recorded by MASH staff from you (" + status
          + "). Nothing was recorded.");
    }
    throw new NotTaken("Intake could not take the contact (" + status + (body.has("title") ? ": "
        + CallsAsStaff.text(body, "title") : "") + "). Nothing was recorded: try again.");
  }

  /** The MARF intake reads: only what was answered. */
  static ObjectNode marf(PhoneContact contact) {
    ObjectNode marf = EventJson.mapper().createObjectNode();
    marf.put("referralType", "MARF");
    PhoneContact.Caller caller = contact.caller();
    // Intake's source of a contact recorded by staff is who it came from (an agency code, e.g. ANONYMOUS); the
    // referrer block then describes the caller, without an agency. The channel (phone or email) is not on the MARF.
    put(marf, "source", caller.agency() == null ? null : caller.agency().name());
    ObjectNode referrer = marf.putObject("referrer");
    put(referrer, "organisation", caller.organisation());
    put(referrer, "name", caller.name());
    put(referrer, "role", caller.role());
    put(referrer, "email", caller.email());
    put(referrer, "phone", caller.phone());
    PhoneContact.ChildNamed named = contact.child();
    ArrayNode children = marf.putArray("children");
    ObjectNode child = children.addObject();
    put(child, "givenName", named.givenName());
    put(child, "familyName", named.familyName());
    put(child, "dateOfBirth", named.dateOfBirth() == null ? null : named.dateOfBirth().toString());
    if (present(named.addressLine1()) || present(named.town()) || present(named.postcode())) {
      ObjectNode address = child.putObject("address");
      put(address, "line1", named.addressLine1());
      put(address, "town", named.town());
      put(address, "postcode", named.postcode());
    }
    put(child, "school", named.school());
    ObjectNode concern = marf.putObject("concern");
    ArrayNode categories = concern.putArray("categories");
    if (present(contact.concernCategory())) {
      categories.add(contact.concernCategory());
    }
    put(concern, "summary", contact.concern());
    concern.put("immediateRisk", contact.immediateRisk());
    ObjectNode consent = marf.putObject("consent");
    consent.put("parentAware", contact.parentAware());
    consent.put("consentGiven", contact.consentGiven());
    put(consent, "reasonNotSought", contact.reasonConsentNotSought());
    return marf;
  }

  private static void put(ObjectNode node, String field, String value) {
    if (present(value)) {
      node.put(field, value.strip());
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
