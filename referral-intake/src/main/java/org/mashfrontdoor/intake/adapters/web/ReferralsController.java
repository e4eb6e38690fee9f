package org.mashfrontdoor.intake.adapters.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.intake.application.ReceivingReferral;
import org.mashfrontdoor.intake.application.ViewingReferral;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The partner MARF API. */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralsController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** Printable ASCII, e.g. a UUID: what a partner's HTTP client can send reliably. */
  static final String KEY_SHAPE = "^[\\x21-\\x7E]{8,128}$";

  private final ReceivingReferral receivingReferral;
  private final ViewingReferral viewingReferral;
  private final MarfSchema schema;
  private final MarfValidation validation;
  private final CallingPartner callingPartner;

  ReferralsController(ReceivingReferral receivingReferral, ViewingReferral viewingReferral, MarfSchema schema,
      MarfValidation validation, CallingPartner callingPartner) {
    this.receivingReferral = receivingReferral;
    this.viewingReferral = viewingReferral;
    this.schema = schema;
    this.validation = validation;
    this.callingPartner = callingPartner;
  }

  /**
   * 202 only once the referral and its event are durably stored; a replay of the same request answers the same.
   * The body is read as raw bytes so that intake, not a lenient converter, decides what it means: read strictly,
   * checked against the published schema, bound, then the domain rules.
   */
  @Operation(summary = "Submit a MARF, or record a contact made by telephone or email (MASH staff)",
      description = "Partners (scope referral:submit) send the MARF without source; the referrer's agency and "
      + "organisation come from the token. A MASH social worker (role MASH_SOCIAL_WORKER) records a call or email "
      + "with the same form plus a top-level source (who made the contact, e.g. INDIVIDUAL, FAMILY_MEMBER, "
      + "ANONYMOUS; an agency code) and, optionally, a referrer describing the caller (without agency). Either "
      + "the other way round is a 400 naming /source. Then the same path: reference, decision deadline, the MASH "
      + "queue. Same Idempotency-Key + same body: the original answer (header Idempotent-Replayed: true). Same key "
      + "+ different body: 409. Keys are kept at least 7 days.")
  @ApiResponse(responseCode = "202", description = "Accepted and durably stored (or the replay of that answer)",
      headers = {
          @Header(name = "Location", description = "The referral's status: /api/v1/referrals/{referralId}",
              schema = @Schema(type = "string", format = "uri-reference", maxLength = 100)),
          @Header(name = "Idempotent-Replayed", description = "true when this answers an earlier request again",
              schema = @Schema(type = "boolean"))},
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = ReferralViews.Acknowledgement.class)))
  @ApiResponse(responseCode = "400", description = "No valid Idempotency-Key (header names it); or the form breaks "
      + "the schema or the rules it cannot say, every bad field named under errors; or source given by a partner, "
      + "missing from MASH staff (/source)")
  @ApiResponse(responseCode = "403", description = "The token lacks scope referral:submit (or role "
      + "MASH_SOCIAL_WORKER), or does not say which partner it is")
  @ApiResponse(responseCode = "409", description = "This Idempotency-Key was used with a different body")
  @ApiResponse(responseCode = "429", description = "This partner is sending MARFs faster than its allowance "
      + "(INTAKE_RATE_LIMIT a second, INTAKE_RATE_BURST at once); send it again after Retry-After with the same "
      + "Idempotency-Key", headers = @Header(name = "Retry-After", description = "Whole seconds to wait, at least 1",
          schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "86400")))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> submit(
      @Parameter(in = ParameterIn.HEADER, required = true, description = "8-128 printable ASCII characters, e.g. a "
          + "UUID; the same on a retry", schema = @Schema(type = "string", minLength = 8, maxLength = 128,
          pattern = KEY_SHAPE))
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      // The body's schema is the published MARF schema itself (MarfOpenApi), not derived from a Java type.
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "A MARF v1: the schema "
          + "published at /api/v1/schema/marf")
      @RequestBody byte[] body) {
    if (idempotencyKey == null || !idempotencyKey.matches(KEY_SHAPE)) {
      ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Idempotency-Key header required",
          "Send an Idempotency-Key header of 8 to 128 printable ASCII characters (a fresh UUID per referral), "
              + "and the same key when you retry.");
      problem.setProperty("header", IDEMPOTENCY_KEY);
      return ProblemResponses.problemResponse(problem);
    }
    Optional<String> recordingStaff = callingPartner.recordingStaff();
    MarfRequest marf;
    try {
      JsonNode tree = StrictJson.readTree(body);
      List<InvalidField> variantErrors = MarfValidation.variant(tree, recordingStaff.isPresent());
      if (!variantErrors.isEmpty()) {
        return ProblemResponses.problemResponse(ProblemResponses.invalid(variantErrors));
      }
      List<InvalidField> schemaErrors = schema.check(tree);
      if (!schemaErrors.isEmpty()) {
        return ProblemResponses.problemResponse(ProblemResponses.invalid(schemaErrors));
      }
      marf = StrictJson.bind(tree, MarfRequest.class);
    } catch (StrictJson.Refused refused) {
      return ProblemResponses.problemResponse(refused.problem);
    }
    List<InvalidField> errors = validation.check(marf);
    if (!errors.isEmpty()) {
      return ProblemResponses.problemResponse(ProblemResponses.invalid(errors));
    }
    Partner partner = callingPartner.submitting(marf);
    ReceivingReferral.Receipt receipt = receivingReferral.receive(partner, idempotencyKey, fingerprint(marf),
        toNewReferral(partner, marf, recordingStaff.orElse(null)));
    Referral referral = receipt.referral();
    return ResponseEntity.accepted().location(URI.create("/api/v1/referrals/" + referral.referralId()))
        .header("Idempotent-Replayed", String.valueOf(receipt.replayed()))
        .body(ReferralViews.Acknowledgement.of(referral));
  }

  @Operation(summary = "A referral's status timeline, as its referrer sees it")
  @ApiResponse(responseCode = "200", description = "The referral's feedback", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReferralViews.Status.class)))
  @ApiResponse(responseCode = "404", description = "No referral with that id is visible to this partner")
  @GetMapping("/{referralId}")
  ResponseEntity<Object> status(@PathVariable String referralId) {
    return viewingReferral.view(callingPartner.reading(), referralId)
        .<ResponseEntity<Object>>map(r -> ResponseEntity.ok(ReferralViews.Status.of(r)))
        .orElseGet(() -> ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.NOT_FOUND,
            "Referral not found", "No referral with that id is visible to you.")));
  }

  @Operation(summary = "Your referrals whose status changed at or after updatedSince, oldest change first",
      description = "Poll with updatedSince=nextUpdatedSince&after=nextAfter from the previous page: the cursor "
          + "is the last referral's change time and id, so it moves on even when many referrals changed in the same "
          + "instant. A referral changed again later comes again (de-duplicate by referralId and updatedAt).")
  @ApiResponse(responseCode = "200", description = "A page of the partner's referrals, oldest change first",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = ReferralViews.Page.class)))
  @GetMapping
  ResponseEntity<Object> updatedSince(@RequestParam(defaultValue = "1970-01-01T00:00:00Z") Instant updatedSince,
      @Parameter(description = "nextAfter of the previous page", schema = @Schema(type = "string", minLength = 1,
          maxLength = 100)) @RequestParam(required = false) String after,
      @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1",
          maximum = "" + ViewingReferral.MAX_PAGE, defaultValue = "50")) @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > ViewingReferral.MAX_PAGE) {
      return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
          "limit must be between 1 and " + ViewingReferral.MAX_PAGE + "."));
    }
    if (after != null && (after.isBlank() || after.length() > 100)) {
      return ProblemResponses.problemResponse(ProblemResponses.invalid(List.of(new InvalidField("after",
          "must be the nextAfter of the previous page"))));
    }
    List<ReferralViews.Status> page = viewingReferral.updatedSince(callingPartner.reading(), updatedSince, after,
        limit).stream().map(ReferralViews.Status::of).toList();
    return ResponseEntity.ok(new ReferralViews.Page(page,
        page.isEmpty() ? updatedSince : page.getLast().updatedAt(),
        page.isEmpty() ? after : page.getLast().referralId()));
  }

  /**
   * A digest of the form as parsed, so whitespace and property order do not matter but every value does. Sets
   * are sorted, since their order means nothing.
   */
  static String fingerprint(MarfRequest marf) {
    ObjectNode tree = (ObjectNode) EventJson.mapper().valueToTree(marf);
    if (tree.path("source").isNull()) {
      tree.remove("source"); // a partner's form digests as it did before source existed: its retries still replay
    }
    sortArray(tree.path("concern").path("categories"));
    sortArray(tree.path("household").path("riskFactors"));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(EventJson.mapper().writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sortArray(JsonNode node) {
    if (node instanceof ArrayNode array) {
      List<JsonNode> sorted = array.valueStream().sorted((a, b) -> a.asString().compareTo(b.asString())).toList();
      array.removeAll();
      sorted.forEach(array::add);
    }
  }

  /**
   * The referrer's agency and organisation come from the calling partner, never from the body alone. For a contact
   * recorded by MASH staff ({@code recordedBy}), the agency is its source and the caller is described as far as the
   * form does (the referrer block may be absent).
   */
  private static NewReferral toNewReferral(Partner partner, MarfRequest m, String recordedBy) {
    MarfRequest.Referrer by = m.referrer() == null
        ? new MarfRequest.Referrer(null, null, null, null, null, null) : m.referrer();
    MarfRequest.Household household = m.household();
    MarfRequest.DomesticAbuse da = m.domesticAbuse();
    MarfRequest.Consent consent = m.consent();
    return new NewReferral(
        m.referralType(),
        new NewReferral.Referrer(partner.agency(), recordedBy == null ? partner.organisation() : by.organisation(),
            by.name(), by.role(), by.email(), by.phone()),
        m.children().stream().map(c -> new NewReferral.Child(blankToNull(c.givenName()), c.familyName(),
            c.dateOfBirth(), c.expectedDateOfBirth(), c.sex(), c.gender(), c.nhsNumber(), c.upn(),
            c.address() == null ? null : new NewReferral.Address(c.address().line1(), c.address().line2(),
                c.address().town(), c.address().postcode().toUpperCase()),
            c.school(), Boolean.TRUE.equals(c.onChildProtectionPlan()))).toList(),
        household == null ? new NewReferral.Household(List.of(), null) : new NewReferral.Household(
            household.adults() == null ? List.of() : household.adults().stream()
                .map(a -> new NewReferral.Adult(a.givenName(), a.familyName(), a.dateOfBirth(), a.relationship()))
                .toList(),
            household.riskFactors()),
        new NewReferral.Concern(EnumSet.copyOf(m.concern().categories()), m.concern().summary(),
            m.concern().incidentDate(), m.concern().immediateRisk(), m.concern().levelOfNeed()),
        da == null ? null : new NewReferral.DomesticAbuse(da.dashRiskLevel(), da.childrenPresent(),
            da.childrenWitnessed(), da.childrenSeenSafeAndWell(), da.childrenSubjectToPlan(), da.schoolsAttended()),
        new NewReferral.Consent(consent.parentAware(), consent.consentGiven(), consent.reasonNotSought(),
            consent.lawfulBasis()),
        recordedBy);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
