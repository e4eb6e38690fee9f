package org.mashfrontdoor.triage.adapters.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.web.PageStart;
import org.mashfrontdoor.platform.web.PagedResponses;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.triage.adapters.web.ContactResponses.ContactResponse;
import org.mashfrontdoor.triage.adapters.web.ContactResponses.QueueItem;
import org.mashfrontdoor.triage.application.RecordingChecks;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.RecordingRecommendation;
import org.mashfrontdoor.triage.application.UnknownContact;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.Agency;
import org.mashfrontdoor.triage.domain.ContactRead;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.NotPermitted;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.Staff;
import org.mashfrontdoor.triage.domain.StepOutOfOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MASH front door: the queue, a contact, and the workflow on it: checks and advice, a social worker's
 * recommendation, a manager's sign-off (the decision). Any of a contact's referral ids names it. Callers are MASH
 * staff with bearer tokens ({@link StaffAccess}); reading a contact needs a stated {@code purpose} and is audited.
 */
@RestController
@RequestMapping("/api/v1/triage")
class TriageController {

  static final String AUDIT_PATH = "/api/v1/triage/audit";
  static final String PURPOSE = "purpose";

  private final ViewingContacts viewingContacts;
  private final RecordingChecks recordingChecks;
  private final RecordingRecommendation recordingRecommendation;
  private final RecordingDecision recordingDecision;
  private final CallingStaff callingStaff;

  TriageController(ViewingContacts viewingContacts, RecordingChecks recordingChecks,
      RecordingRecommendation recordingRecommendation, RecordingDecision recordingDecision,
      CallingStaff callingStaff) {
    this.viewingContacts = viewingContacts;
    this.recordingChecks = recordingChecks;
    this.recordingRecommendation = recordingRecommendation;
    this.recordingDecision = recordingDecision;
    this.callingStaff = callingStaff;
  }

  /** The longest page of the queue; {@code X-Total-Count} says how many are queued in all. */
  static final int MAX_QUEUE_PAGE = 500;

  /**
   * The queue in its order (urgent first, then the least time left), {@code offset} items in, at most {@code limit}
   * (default 200, at most 500): a front door with thousands open still answers quickly, most urgent first.
   */
  @Operation(summary = "The MASH queue: urgent first, then the least time left", description = "offset items in, "
      + "at most limit (default 200, at most 500); X-Total-Count says how many are queued in all.")
  @ApiResponse(responseCode = "200", description = "A page of the queue", headers = @Header(
      name = PagedResponses.TOTAL_COUNT, description = "How many contacts are queued in all (with the filters)",
      schema = @Schema(type = "integer", format = "int64", minimum = "0")))
  @GetMapping("/queue")
  ResponseEntity<List<QueueItem>> queue(@RequestParam(required = false) Lane lane,
      @RequestParam(required = false) Rag rag,
      @PageStart
      @RequestParam(defaultValue = "0") int offset,
      @Parameter(schema = @Schema(type = "integer", format = "int32",
          minimum = "1", maximum = "" + MAX_QUEUE_PAGE, defaultValue = "200"))
      @RequestParam(defaultValue = "200") int limit) {
    PageWindow window = PageWindow.checked(offset, limit, MAX_QUEUE_PAGE);
    Page<QueueItem> page = viewingContacts.queue(lane, rag, window).page().map(QueueItem::of);
    return PagedResponses.ok(page.items(), page.total());
  }

  /**
   * The whole contact, with what each of its referrals told the MASH. {@code purpose} (required, 3 to 200
   * characters, e.g. {@code MASH screening}) says why it is read; the read is audited with it (who, what, when, why)
   * before anything is read for the answer.
   */
  @Operation(summary = "A contact, whole: what staff need to decide (audited read)", description = "The contact "
      + "(sources, checks, advice, recommendation, decision, history) and, per referral, who referred, the children "
      + "(names, dates of birth, school, plan status), the household, the concern, the DASH answers and consent with "
      + "its reason. Written to the read audit (who, what, when, purpose) before it is read; no audit entry, no data. "
      + "Any of the contact's referral ids names it.")
  @ApiResponse(responseCode = "200", description = "The contact, whole")
  @ApiResponse(responseCode = "400", description = "No purpose, or not " + ContactRead.MIN_PURPOSE_LENGTH + " to "
      + ContactRead.MAX_PURPOSE_LENGTH + " characters on one line (errors names the parameter)")
  @ApiResponse(responseCode = "404", description = "No contact has been opened for that referral")
  @GetMapping("/{referralId}")
  ContactResponse contact(@PathVariable String referralId,
      @Parameter(required = true,
          description = "Why the contact is read, kept in the read audit, e.g. MASH screening; no names",
          schema = @Schema(minLength = ContactRead.MIN_PURPOSE_LENGTH, maxLength = ContactRead.MAX_PURPOSE_LENGTH))
      @RequestParam(name = PURPOSE, required = false) String purpose) {
    if (!ContactRead.isPurpose(purpose)) {
      throw new PurposeRequired();
    }
    return ContactResponse.of(viewingContacts.contact(referralId, callingStaff.current(), purpose));
  }

  /**
   * Managers only: the audited reads of the contact holding {@code referralId}, oldest first, {@code offset} in, at
   * most {@code limit} (default 100, at most 500: the platform's audit pages); {@code X-Total-Count} says how many
   * in all. With the contact's id and referral ids (the same child's linked referrals), so a report of who viewed
   * the child can add their cases' reads.
   */
  @Operation(summary = "Who read the contact, oldest first (managers)", description = "The audited reads of the "
      + "contact holding referralId, offset in, at most limit (default 100, at most 500); X-Total-Count says how many"
      + " in all.")
  @ApiResponse(responseCode = "200", description = "A page of the contact's reads", headers = @Header(
      name = PagedResponses.TOTAL_COUNT, description = "How many reads of the contact in all",
      schema = @Schema(type = "integer", format = "int64", minimum = "0")))
  @ApiResponse(responseCode = "404", description = "No contact has been opened for that referral")
  @GetMapping("/audit")
  ResponseEntity<ReadsResponse> audit(@RequestParam String referralId,
      @PageStart
      @RequestParam(defaultValue = "0") int offset,
      @Parameter(schema = @Schema(type = "integer", format = "int32",
          minimum = "1", maximum = "" + AuditLedger.LARGEST_PAGE,
          defaultValue = AuditLedger.DEFAULT_PAGE))
      @RequestParam(defaultValue = AuditLedger.DEFAULT_PAGE) int limit) {
    ViewingContacts.ReadsOfContact reads = viewingContacts.readsOf(referralId,
        PageWindow.checked(offset, limit, AuditLedger.LARGEST_PAGE));
    return PagedResponses.ok(new ReadsResponse(referralId, reads.contactId(), reads.referralIds(),
        reads.reads().items().stream().map(ReadResponse::of).toList()), reads.reads().total());
  }

  record ReadsResponse(String referralId, String contactId, List<String> referralIds, List<ReadResponse> reads) {
  }

  record ReadResponse(String staffId, String role, String contactId, String requestedAs, List<String> referralIds,
      Instant at, String purpose) {
    static ReadResponse of(ContactRead r) {
      return new ReadResponse(r.staffId(), r.role().name(), r.contactId(), r.requestedAs(), r.referralIds(), r.at(),
          r.purpose());
    }
  }

  /** Checked here rather than by {@code required = true} so the problem names the parameter and says why. */
  static class PurposeRequired extends RuntimeException {
  }

  @ExceptionHandler(PurposeRequired.class)
  ResponseEntity<Object> purposeRequired() {
    ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Purpose required",
        "Every read of a contact is audited: say why you are reading it in the query parameter " + PURPOSE
            + " (" + ContactRead.MIN_PURPOSE_LENGTH + " to " + ContactRead.MAX_PURPOSE_LENGTH
            + " characters on one line, e.g. " + PURPOSE + "=MASH screening; no names).");
    problem.setProperty("errors", List.of(Map.of("parameter", PURPOSE, "detail",
        "is required: " + ContactRead.MIN_PURPOSE_LENGTH + " to " + ContactRead.MAX_PURPOSE_LENGTH
            + " characters on one line")));
    return ProblemResponses.problemResponse(problem);
  }

  @Operation(summary = "Record multi-agency checks and/or the advice given (social workers)",
      description = "Answers the whole contact, as an audited read whose purpose is the step.")
  @ApiResponse(responseCode = "200", description = "The whole contact after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a MASH role, or this role may not take "
      + "this step (a social worker recommends, a manager signs off)")
  @ApiResponse(responseCode = "404", description = "No contact has been opened for that referral")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the contact's state now")
  @PostMapping("/{referralId}/checks")
  ContactResponse checks(@PathVariable String referralId, @Valid @RequestBody ChecksRequest request) {
    List<RecordingChecks.Check> checks = request.checks() == null ? List.of() : request.checks().stream()
        .map(c -> new RecordingChecks.Check(Agency.valueOf(c.agency()), c.requestedAt(), c.returnedAt())).toList();
    Staff staff = callingStaff.current();
    return ContactResponse.of(viewingContacts.shown(recordingChecks.record(referralId, checks, request.advice(),
        staff), staff, referralId, "Recording multi-agency checks"));
  }

  @Operation(summary = "Recommend an outcome (social workers)", description = "adviceToReferrer is optional "
      + "here: the advice proposed for the referrer. Answers the whole contact, as an audited read.")
  @ApiResponse(responseCode = "200", description = "The whole contact after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a MASH role, or this role may not take "
      + "this step (a social worker recommends, a manager signs off)")
  @ApiResponse(responseCode = "404", description = "No contact has been opened for that referral")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the contact's state now")
  @PostMapping("/{referralId}/recommendation")
  ContactResponse recommend(@PathVariable String referralId, @Valid @RequestBody DecisionRequest request) {
    Staff staff = callingStaff.current();
    return ContactResponse.of(viewingContacts.shown(recordingRecommendation.recommend(referralId,
        request.chosenOutcome(), request.levelOfNeed(), request.rationale(), request.adviceToReferrer(), staff),
        staff, referralId, "Recording a recommendation"));
  }

  /**
   * The manager's sign-off of the recommendation: the decision. No further action and information and advice close
   * the contact at the front door, so they carry {@code adviceToReferrer} (400 naming {@code /adviceToReferrer}
   * without it): the referrer's feedback shows it.
   */
  @Operation(summary = "Sign off the recommendation: the decision (managers)", description = "NO_FURTHER_ACTION "
      + "and INFORMATION_AND_ADVICE need adviceToReferrer (1 to 4000 characters): what the referrer should do, "
      + "shown in its feedback; without it 400 naming /adviceToReferrer. Answers the whole contact, as an audited "
      + "read.")
  @ApiResponse(responseCode = "200", description = "The whole contact after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a MASH role, or this role may not take "
      + "this step (a social worker recommends, a manager signs off)")
  @ApiResponse(responseCode = "404", description = "No contact has been opened for that referral")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the contact's state now")
  @PostMapping("/{referralId}/decision")
  ContactResponse decide(@PathVariable String referralId,
      @Validated({Default.class, DecisionRequest.SigningOff.class}) @RequestBody DecisionRequest request) {
    Staff staff = callingStaff.current();
    return ContactResponse.of(viewingContacts.shown(recordingDecision.record(referralId,
        request.chosenOutcome(), request.levelOfNeed(), request.rationale(), request.adviceToReferrer(), staff),
        staff, referralId, "Recording the decision"));
  }

  @ExceptionHandler(UnknownContact.class)
  ResponseEntity<Object> unknown(UnknownContact e) {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Unknown contact",
        "No contact has been opened for referral " + e.referralId() + "."));
  }

  @ExceptionHandler(StepOutOfOrder.class)
  ResponseEntity<Object> outOfOrder(StepOutOfOrder e) {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.CONFLICT, "Step not possible now",
        e.getMessage()));
  }

  @ExceptionHandler({NotPermitted.class, CallingStaff.UnknownCaller.class})
  ResponseEntity<Object> forbidden(RuntimeException e) {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.FORBIDDEN, "Not permitted",
        e.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Object> invalid(IllegalArgumentException e) {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Invalid request",
        e.getMessage()));
  }
}
