package org.mashfrontdoor.triage.adapters.web.workspace;

import org.mashfrontdoor.triage.adapters.web.CallingStaff;
import org.mashfrontdoor.triage.application.UnknownContact;
import org.mashfrontdoor.triage.domain.NotPermitted;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What the workspace shows when a step cannot be taken: a GOV.UK page in words, never a stack trace. (A form that
 * is not right is shown again with its errors by its own page.)
 */
@ControllerAdvice(basePackageClasses = WorkspaceProblems.class)
class WorkspaceProblems {

  @ExceptionHandler({NotPermitted.class, CallingStaff.UnknownCaller.class})
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notPermitted(RuntimeException e, Model model) {
    model.addAttribute("problemTitle", "You cannot do this");
    model.addAttribute("detail", "Your role does not allow this step. " + e.getMessage() + ".");
    return "workspace/problem";
  }

  @ExceptionHandler(UnknownContact.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String unknown(UnknownContact e, Model model) {
    model.addAttribute("problemTitle", "Contact not found");
    model.addAttribute("detail", "No contact has been opened for referral " + e.referralId()
        + ". A referral received a moment ago may still be on its way: try again shortly.");
    return "workspace/problem";
  }

  /** More live streams open than allowed: the page still works, a reload shows the latest. */
  @ExceptionHandler(LiveParts.TooManyWatchers.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  @ResponseBody
  String tooManyStreams() {
    return "Too many live streams are open; reload the page to see the latest.";
  }
}
