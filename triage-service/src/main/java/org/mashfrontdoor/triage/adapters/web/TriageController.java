package org.mashfrontdoor.triage.adapters.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.triage.adapters.web.ContactResponses.ContactResponse;
import org.mashfrontdoor.triage.adapters.web.ContactResponses.QueueItem;
import org.mashfrontdoor.triage.application.RecordingChecks;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.RecordingRecommendation;
import org.mashfrontdoor.triage.application.UnknownContact;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.Agency;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.NotPermitted;
import org.mashfrontdoor.triage.domain.Outcome;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.StepOutOfOrder;
import org.springframework.http.HttpStatus;
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
 * The MASH front door: the queue, a contact, and the workflow on it: checks and advice, a social worker's
 * recommendation, a manager's sign-off (the decision). Any of a contact's referral ids names it.
 */
@RestController
@RequestMapping("/api/v1/triage")
class TriageController {

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

  @GetMapping("/queue")
  List<QueueItem> queue(@RequestParam(required = false) Lane lane, @RequestParam(required = false) Rag rag) {
    return viewingContacts.queue(lane, rag).stream().map(QueueItem::of).toList();
  }

  @GetMapping("/{referralId}")
  ContactResponse contact(@PathVariable String referralId) {
    return ContactResponse.of(viewingContacts.contact(referralId));
  }

  @PostMapping("/{referralId}/checks")
  ContactResponse checks(@PathVariable String referralId, @Valid @RequestBody ChecksRequest request,
      HttpServletRequest http) {
    List<RecordingChecks.Check> checks = request.checks() == null ? List.of() : request.checks().stream()
        .map(c -> new RecordingChecks.Check(Agency.valueOf(c.agency()), c.requestedAt(), c.returnedAt())).toList();
    return ContactResponse.of(recordingChecks.record(referralId, checks, request.advice(), callingStaff.of(http)));
  }

  @PostMapping("/{referralId}/recommendation")
  ContactResponse recommend(@PathVariable String referralId, @Valid @RequestBody DecisionRequest request,
      HttpServletRequest http) {
    return ContactResponse.of(recordingRecommendation.recommend(referralId, Outcome.valueOf(request.outcome()),
        request.levelOfNeed(), request.rationale(), callingStaff.of(http)));
  }

  /** The manager's sign-off of the recommendation: the decision. */
  @PostMapping("/{referralId}/decision")
  ContactResponse decide(@PathVariable String referralId, @Valid @RequestBody DecisionRequest request,
      HttpServletRequest http) {
    return ContactResponse.of(recordingDecision.record(referralId, Outcome.valueOf(request.outcome()),
        request.levelOfNeed(), request.rationale(), callingStaff.of(http)));
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
