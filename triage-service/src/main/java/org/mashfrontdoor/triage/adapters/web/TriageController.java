package org.mashfrontdoor.triage.adapters.web;

import jakarta.validation.Valid;
import java.util.List;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.triage.adapters.web.ContactResponses.ContactResponse;
import org.mashfrontdoor.triage.adapters.web.ContactResponses.QueueItem;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.UnknownContact;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.ContactAlreadyDecided;
import org.mashfrontdoor.triage.domain.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The MASH front door: the queue of contacts awaiting a decision, and the decision itself. */
@RestController
@RequestMapping("/api/v1/triage")
class TriageController {

  private final ViewingContacts viewingContacts;
  private final RecordingDecision recordingDecision;

  TriageController(ViewingContacts viewingContacts, RecordingDecision recordingDecision) {
    this.viewingContacts = viewingContacts;
    this.recordingDecision = recordingDecision;
  }

  @GetMapping("/queue")
  List<QueueItem> queue() {
    return viewingContacts.queue().stream().map(QueueItem::of).toList();
  }

  @GetMapping("/{referralId}")
  ContactResponse contact(@PathVariable String referralId) {
    return ContactResponse.of(viewingContacts.contact(referralId));
  }

  @PostMapping("/{referralId}/decision")
  ContactResponse decide(@PathVariable String referralId, @Valid @RequestBody DecisionRequest request) {
    return ContactResponse.of(recordingDecision.record(referralId, Outcome.valueOf(request.outcome()),
        request.levelOfNeed(), request.rationale()));
  }

  @ExceptionHandler(UnknownContact.class)
  ResponseEntity<Object> unknown(UnknownContact e) {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Unknown contact",
        "No contact has been opened for referral " + e.referralId() + "."));
  }

  @ExceptionHandler(ContactAlreadyDecided.class)
  ResponseEntity<Object> alreadyDecided(ContactAlreadyDecided e) {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.CONFLICT, "Contact already decided",
        "The contact for referral " + e.referralId() + " has a decision already; it is not changed."));
  }
}
