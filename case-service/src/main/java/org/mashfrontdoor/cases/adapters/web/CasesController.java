package org.mashfrontdoor.cases.adapters.web;

import static org.mashfrontdoor.platform.web.ProblemResponses.problem;
import static org.mashfrontdoor.platform.web.ProblemResponses.problemResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.cases.adapters.web.CaseResponses.CaseSummary;
import org.mashfrontdoor.cases.adapters.web.CaseResponses.CaseView;
import org.mashfrontdoor.cases.adapters.web.CaseResponses.Worklist;
import org.mashfrontdoor.cases.adapters.web.StepRequests.AssessmentBody;
import org.mashfrontdoor.cases.adapters.web.StepRequests.EarlyHelpStartedBody;
import org.mashfrontdoor.cases.adapters.web.StepRequests.IcpcBody;
import org.mashfrontdoor.cases.adapters.web.StepRequests.LeadProfessionalBody;
import org.mashfrontdoor.cases.adapters.web.StepRequests.ParticipantBody;
import org.mashfrontdoor.cases.adapters.web.StepRequests.Section47Body;
import org.mashfrontdoor.cases.adapters.web.StepRequests.StepUpAccepted;
import org.mashfrontdoor.cases.adapters.web.StepRequests.StepUpBody;
import org.mashfrontdoor.cases.adapters.web.StepRequests.StrategyDiscussionBody;
import org.mashfrontdoor.cases.adapters.web.StepRequests.VisitBody;
import org.mashfrontdoor.cases.application.RecordingCaseWork;
import org.mashfrontdoor.cases.application.ViewingCases;
import org.mashfrontdoor.cases.domain.AssessmentOutcome;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseRead;
import org.mashfrontdoor.cases.domain.CaseStatus;
import org.mashfrontdoor.cases.domain.ConferenceOutcome;
import org.mashfrontdoor.cases.domain.InvalidStep;
import org.mashfrontdoor.cases.domain.NotPermitted;
import org.mashfrontdoor.cases.domain.Participant;
import org.mashfrontdoor.cases.domain.Section47Outcome;
import org.mashfrontdoor.cases.domain.StepOutOfOrder;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.web.PageStart;
import org.mashfrontdoor.platform.web.PagedResponses;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statutory pathway after the front door: a referral's cases, the team's worklist, a whole case (audited), and
 * each step on it. Callers are children's social care and early help staff with bearer tokens ({@link CaseAccess}).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CasesController {

  static final String AUDIT_PATH = "/api/v1/cases/{caseId}/audit";
  static final String REFERRAL_AUDIT_PATH = "/api/v1/cases/audit";
  static final String PURPOSE = "purpose";
  static final int MAX_PAGE_SIZE = 100;

  private final ViewingCases viewing;
  private final RecordingCaseWork work;
  private final CallingPractitioner calling;
  private final Clock clock;

  CasesController(ViewingCases viewing, RecordingCaseWork work, CallingPractitioner calling, Clock clock) {
    this.viewing = viewing;
    this.work = work;
    this.calling = calling;
    this.clock = clock;
  }

  /**
   * The cases of one referral ({@code referralId}), or the team's worklist ({@code status}, paged, soonest deadline
   * first; {@code overdue=true} for those past a deadline). Summaries only: ids, pathway, status and clocks.
   */
  @Operation(summary = "A referral's cases (referralId), or the team's worklist (status)", description = "With "
      + "referralId: that referral's cases, with their deadlines. Otherwise status (OPEN or CLOSED) is required: the "
      + "worklist, soonest deadline first, paged; overdue=true for those past a deadline.")
  @ApiResponse(responseCode = "200", description = "The referral's cases (an array), or a page of the worklist")
  @GetMapping
  ResponseEntity<?> list(@RequestParam(required = false) String referralId,
      @Parameter(schema = @Schema(implementation = CaseStatus.class)) @RequestParam(required = false) String status,
      @RequestParam(required = false) Boolean overdue,
      @PageStart
      @RequestParam(defaultValue = "0") int page,
      @Parameter(schema = @Schema(type = "integer", format = "int32",
          minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "20"))
      @RequestParam(defaultValue = "20") int size) {
    Instant now = clock.instant();
    if (referralId != null && !referralId.isBlank()) {
      return ResponseEntity.ok(viewing.ofReferral(referralId).stream().map(c -> CaseSummary.of(c, now)).toList());
    }
    List<InvalidField> errors = new ArrayList<>();
    CaseStatus wanted = null;
    if (status == null) {
      errors.add(new InvalidField("referralId", "give referralId (a referral's cases) or status (the worklist)"));
    } else {
      try {
        wanted = CaseStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        errors.add(new InvalidField("status", "must be one of OPEN, CLOSED"));
      }
    }
    PageWindow.numberedPageProblems(page, size, MAX_PAGE_SIZE)
        .forEach(bad -> errors.add(new InvalidField(bad.name(), bad.detail())));
    if (!errors.isEmpty()) {
      return problemResponse(ProblemResponses.invalid(errors));
    }
    return ResponseEntity.ok(Worklist.of(viewing.worklist(wanted, Boolean.TRUE.equals(overdue), page, size), page,
        size, now));
  }

  /**
   * The whole case. {@code purpose} (required, 3 to 200 characters, e.g. {@code Section 47 enquiry}) says why it is
   * read; the read is audited with it (who, what, when, why) before the case is returned.
   */
  @ApiResponse(responseCode = "200", description = "The case, whole")
  @ApiResponse(responseCode = "400", description = "No purpose, or not " + CaseRead.MIN_PURPOSE_LENGTH + " to "
      + CaseRead.MAX_PURPOSE_LENGTH + " characters on one line (errors names the parameter)")
  @ApiResponse(responseCode = "404", description = "No case has that id, or it is not one this token may read")
  @GetMapping("/{caseId}")
  ResponseEntity<?> read(@PathVariable String caseId,
      @Parameter(required = true, description = "Why the case is read, kept in the read audit; no names",
          schema = @Schema(minLength = CaseRead.MIN_PURPOSE_LENGTH, maxLength = CaseRead.MAX_PURPOSE_LENGTH))
      @RequestParam(name = PURPOSE, required = false) String purpose) {
    if (!CaseRead.isPurpose(purpose)) {
      ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Purpose required",
          "Every read of a case is audited: say why you are reading it in the query parameter " + PURPOSE + " ("
              + CaseRead.MIN_PURPOSE_LENGTH + " to " + CaseRead.MAX_PURPOSE_LENGTH
              + " characters on one line, e.g. purpose=Section 47 enquiry; no names).");
      problem.setProperty("errors", List.of(Map.of("parameter", PURPOSE, "detail", "is required")));
      return problemResponse(problem);
    }
    return viewing.read(caseId, calling.current(), purpose).<ResponseEntity<?>>map(c -> ResponseEntity.ok(CaseView.of(c)))
        .orElseGet(() -> notFound(caseId));
  }

  /**
   * Team managers: the audited reads of the case, oldest first, {@code offset} in, at most {@code limit} (default
   * 100, at most 500); {@code X-Total-Count} says how many in all.
   */
  @ApiResponse(responseCode = "200",
      description = "A page of the case's reads", headers = @Header(name = PagedResponses.TOTAL_COUNT,
      description = "How many reads in all", schema = @Schema(type = "integer", format = "int64", minimum = "0")))
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @GetMapping("/{caseId}/audit")
  ResponseEntity<?> audit(@PathVariable String caseId,
      @PageStart
      @RequestParam(defaultValue = "0") int offset,
      @Parameter(schema = @Schema(type = "integer", format = "int32",
          minimum = "1", maximum = "" + AuditLedger.LARGEST_PAGE,
          defaultValue = AuditLedger.DEFAULT_PAGE))
      @RequestParam(defaultValue = AuditLedger.DEFAULT_PAGE) int limit) {
    PageWindow window = PageWindow.checked(offset, limit, AuditLedger.LARGEST_PAGE);
    return viewing.readsOf(caseId, window).<ResponseEntity<?>>map(page -> PagedResponses.ok(page.items(), page.total()))
        .orElseGet(() -> notFound(caseId));
  }

  /**
   * Team managers: the audited reads of every case of the referral {@code referralId}, oldest first, paged as
   * above: case-service's part of the report of who viewed a child (triage's is its contact's read audit).
   */
  @ApiResponse(responseCode = "200",
      description = "A page of the reads of the referral's cases", headers = @Header(name = PagedResponses.TOTAL_COUNT,
      description = "How many reads in all", schema = @Schema(type = "integer", format = "int64", minimum = "0")))
  @GetMapping("/audit")
  ResponseEntity<ReferralReads> referralAudit(@RequestParam String referralId,
      @PageStart
      @RequestParam(defaultValue = "0") int offset,
      @Parameter(schema = @Schema(type = "integer", format = "int32",
          minimum = "1", maximum = "" + AuditLedger.LARGEST_PAGE,
          defaultValue = AuditLedger.DEFAULT_PAGE))
      @RequestParam(defaultValue = AuditLedger.DEFAULT_PAGE) int limit) {
    Page<CaseRead> page = viewing.readsOfReferral(referralId,
        PageWindow.checked(offset, limit, AuditLedger.LARGEST_PAGE));
    return PagedResponses.ok(new ReferralReads(referralId, page.items()), page.total());
  }

  record ReferralReads(String referralId, List<CaseRead> reads) {
  }

  @ApiResponse(responseCode = "200", description = "The whole case after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/strategy-discussion")
  CaseView strategyDiscussion(@PathVariable String caseId, @RequestBody StrategyDiscussionBody body) {
    Fields fields = new Fields();
    Instant heldAt = fields.instant("/heldAt", body.heldAt());
    List<Participant> participants = new ArrayList<>();
    List<ParticipantBody> given = body.participantsOrEmpty();
    if (given.isEmpty()) {
      fields.add("/participants", "is required: who took part (agency, role, name)");
    }
    for (int i = 0; i < given.size(); i++) {
      ParticipantBody p = given.get(i);
      String at = "/participants/" + i;
      if (p == null) {
        fields.add(at, "is required");
        continue;
      }
      Agency agency = fields.oneOf(at + "/agency", p.agency(), Agency.class);
      String role = fields.text(at + "/role", p.role(), Fields.MAX_NAME);
      String name = fields.text(at + "/name", p.name(), Fields.MAX_NAME);
      if (agency != null && role != null && name != null) {
        participants.add(new Participant(agency, role, name));
      }
    }
    Boolean section47 = fields.flag("/section47", body.section47());
    String rationale = fields.text("/rationale", body.rationale(), Fields.MAX_TEXT);
    fields.check();
    return CaseView.of(work.holdStrategyDiscussion(caseId, heldAt, participants, section47, rationale,
        calling.current()));
  }

  @ApiResponse(responseCode = "200", description = "The whole case after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/section-47")
  CaseView section47(@PathVariable String caseId, @RequestBody Section47Body body) {
    Fields fields = new Fields();
    Instant concludedAt = fields.instant("/concludedAt", body.concludedAt());
    Section47Outcome outcome = fields.oneOf("/outcome", body.outcome(), Section47Outcome.class);
    fields.check();
    return CaseView.of(work.concludeSection47(caseId, concludedAt, outcome, calling.current()));
  }

  @ApiResponse(responseCode = "200", description = "The whole case after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/icpc")
  CaseView icpc(@PathVariable String caseId, @RequestBody IcpcBody body) {
    Fields fields = new Fields();
    Instant heldAt = fields.instant("/heldAt", body.heldAt());
    ConferenceOutcome outcome = fields.oneOf("/outcome", body.outcome(), ConferenceOutcome.class);
    fields.check();
    return CaseView.of(work.holdConference(caseId, heldAt, outcome, calling.current()));
  }

  @ApiResponse(responseCode = "200", description = "The whole case after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/visits")
  CaseView visit(@PathVariable String caseId, @RequestBody VisitBody body) {
    Fields fields = new Fields();
    Instant seenAt = fields.instant("/seenAt", body.seenAt());
    fields.check();
    return CaseView.of(work.seeChild(caseId, seenAt, calling.current()));
  }

  @ApiResponse(responseCode = "200", description = "The whole case after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/assessment")
  CaseView assessment(@PathVariable String caseId, @RequestBody AssessmentBody body) {
    Fields fields = new Fields();
    Instant completedAt = fields.instant("/completedAt", body.completedAt());
    AssessmentOutcome outcome = fields.oneOf("/outcome", body.outcome(), AssessmentOutcome.class);
    fields.check();
    return CaseView.of(work.completeAssessment(caseId, completedAt, outcome, calling.current()));
  }

  @ApiResponse(responseCode = "200", description = "The whole case after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/lead-professional")
  CaseView leadProfessional(@PathVariable String caseId, @RequestBody LeadProfessionalBody body) {
    Fields fields = new Fields();
    String name = fields.text("/name", body.name(), Fields.MAX_NAME);
    Agency agency = fields.oneOf("/agency", body.agency(), Agency.class);
    String role = fields.text("/role", body.role(), Fields.MAX_NAME);
    fields.check();
    return CaseView.of(work.assignLeadProfessional(caseId, name, agency, role, calling.current()));
  }

  @ApiResponse(responseCode = "200", description = "The whole case after the step")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/early-help-started")
  CaseView earlyHelpStarted(@PathVariable String caseId, @RequestBody EarlyHelpStartedBody body) {
    Fields fields = new Fields();
    Instant startedAt = fields.instant("/startedAt", body.startedAt());
    fields.check();
    return CaseView.of(work.startEarlyHelp(caseId, startedAt, calling.current()));
  }

  /** Answers 202 with the id of the new referral, under which the new contact appears in the triage queue. */
  @ApiResponse(responseCode = "202", description = "Stepped up: the new referral's id, under which the new contact "
      + "appears in the MASH queue")
  @ApiResponse(responseCode = "403", description = "No valid token with a children's social care or early help "
      + "role, or this role may not take this step")
  @ApiResponse(responseCode = "404", description = "No case has that id")
  @ApiResponse(responseCode = "409", description = "The step is not possible in the case's state now, or the case "
      + "kept changing meanwhile")
  @PostMapping("/{caseId}/step-up")
  ResponseEntity<StepUpAccepted> stepUp(@PathVariable String caseId, @RequestBody StepUpBody body) {
    Fields fields = new Fields();
    String reason = fields.text("/reason", body.reason(), Fields.MAX_TEXT);
    fields.check();
    Case steppedUp = work.stepUp(caseId, reason, calling.current());
    return ResponseEntity.accepted().body(new StepUpAccepted(steppedUp.stepUp().newReferralId(), caseId));
  }

  private static ResponseEntity<Object> notFound(String caseId) {
    return problemResponse(problem(HttpStatus.NOT_FOUND, "Case not found", "No case has the id " + caseId + "."));
  }

  @ExceptionHandler(RecordingCaseWork.CaseNotFound.class)
  ResponseEntity<Object> unknown(RecordingCaseWork.CaseNotFound e) {
    return problemResponse(problem(HttpStatus.NOT_FOUND, "Case not found", e.getMessage()));
  }

  @ExceptionHandler(RecordingCaseWork.KeptChanging.class)
  ResponseEntity<Object> keptChanging(RecordingCaseWork.KeptChanging e) {
    return problemResponse(problem(HttpStatus.CONFLICT, "Case changed meanwhile", e.getMessage()));
  }

  /** A clock that would run past the bank-holiday calendar's last year: refused loudly rather than guessed. */
  @ExceptionHandler(org.mashfrontdoor.platform.time.WorkingDayCalendar.OutsideCalendar.class)
  ResponseEntity<Object> outsideCalendar(RuntimeException e) {
    return problemResponse(problem(HttpStatus.SERVICE_UNAVAILABLE, "Bank-holiday calendar not extended",
        e.getMessage() + ". A statutory clock cannot be set until the calendar data covers that year; nothing was "
            + "recorded."));
  }

  @ExceptionHandler(Fields.Invalid.class)
  ResponseEntity<Object> invalid(Fields.Invalid e) {
    return problemResponse(e.problem());
  }

  @ExceptionHandler(InvalidStep.class)
  ResponseEntity<Object> invalidStep(InvalidStep e) {
    return problemResponse(ProblemResponses.invalid(List.of(new InvalidField(e.pointer(), e.getMessage()))));
  }

  @ExceptionHandler(StepOutOfOrder.class)
  ResponseEntity<Object> outOfOrder(StepOutOfOrder e) {
    return problemResponse(problem(HttpStatus.CONFLICT, "Step not possible now", e.getMessage()));
  }

  @ExceptionHandler({NotPermitted.class, CallingPractitioner.NotAPractitioner.class})
  ResponseEntity<Object> forbidden(RuntimeException e) {
    return problemResponse(problem(HttpStatus.FORBIDDEN, "Not permitted", e.getMessage()));
  }
}
