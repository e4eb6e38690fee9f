package org.mashfrontdoor.cases.adapters.web;

import static org.mashfrontdoor.platform.web.ProblemResponses.problem;
import static org.mashfrontdoor.platform.web.ProblemResponses.problemResponse;

import java.util.List;
import org.mashfrontdoor.cases.application.FindingCases;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
public class CasesController {

  private final FindingCases findingCases;

  public CasesController(FindingCases findingCases) {
    this.findingCases = findingCases;
  }

  /** The cases of one referral; listing every case is deliberately not offered. */
  @GetMapping
  public ResponseEntity<?> ofReferral(@RequestParam(required = false) String referralId) {
    if (referralId == null || referralId.isBlank()) {
      return problemResponse(ProblemResponses.invalid(List.of(
          new InvalidField("referralId", "is a required query parameter"))));
    }
    return ResponseEntity.ok(findingCases.ofReferral(referralId).stream().map(CaseResponse::of).toList());
  }

  @GetMapping("/{caseId}")
  public ResponseEntity<?> withId(@PathVariable String caseId) {
    return findingCases.withId(caseId).<ResponseEntity<?>>map(c -> ResponseEntity.ok(CaseResponse.of(c)))
        .orElseGet(() -> problemResponse(problem(HttpStatus.NOT_FOUND, "Case not found",
            "No case has this id.")));
  }
}
