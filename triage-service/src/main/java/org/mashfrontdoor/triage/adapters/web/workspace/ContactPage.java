package org.mashfrontdoor.triage.adapters.web.workspace;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.triage.adapters.web.CallingStaff;
import org.mashfrontdoor.triage.application.ContactRecord;
import org.mashfrontdoor.triage.application.ContactView;
import org.mashfrontdoor.triage.application.RecordingChecks;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.RecordingRecommendation;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.Advice;
import org.mashfrontdoor.triage.domain.Agency;
import org.mashfrontdoor.triage.domain.ContactRead;
import org.mashfrontdoor.triage.domain.Staff;
import org.mashfrontdoor.triage.domain.StepOutOfOrder;
import org.mashfrontdoor.triage.domain.TriageDecision;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A contact: first the purpose of opening it (every read is audited, who, what, when and why, before anything is
 * shown), then the whole contact with its history and checks, and the forms for the next step by role: checks and
 * advice and the recommendation for a social worker, the sign-off for a manager. The domain decides who may take
 * which step; a form that is not right is shown again with each error next to its field.
 */
@Controller
class ContactPage {

  static final String CHECKS = "Recording multi-agency checks";
  static final String RECOMMENDATION = "Recording a recommendation";
  static final String DECISION = "Recording the decision";

  private final ViewingContacts viewing;
  private final RecordingChecks recordingChecks;
  private final RecordingRecommendation recordingRecommendation;
  private final RecordingDecision recordingDecision;
  private final CallingStaff callingStaff;

  ContactPage(ViewingContacts viewing, RecordingChecks recordingChecks,
      RecordingRecommendation recordingRecommendation, RecordingDecision recordingDecision,
      CallingStaff callingStaff) {
    this.viewing = viewing;
    this.recordingChecks = recordingChecks;
    this.recordingRecommendation = recordingRecommendation;
    this.recordingDecision = recordingDecision;
    this.callingStaff = callingStaff;
  }

  /** The recommendation and the sign-off: the same three answers, as typed. */
  record DecisionForm(String outcome, String levelOfNeed, String rationale, String adviceToReferrer) {
  }

  /** One check (agency, asked, answered) and/or the advice given, as typed. */
  record ChecksForm(String agency, String requestedAt, String returnedAt, String advice) {
  }

  static String path(String referralId) {
    return UriComponentsBuilder.fromPath("/mash/contacts/{id}").buildAndExpand(referralId).encode().toUriString();
  }

  static String pathFor(String referralId, String purpose) {
    return UriComponentsBuilder.fromPath("/mash/contacts/{id}").queryParam("purpose", "{purpose}")
        .buildAndExpand(referralId, purpose).encode().toUriString();
  }

  @GetMapping("/mash/contacts/{referralId}")
  String contact(@PathVariable String referralId, @RequestParam(required = false) String purpose, Model model) {
    if (purpose == null || !ContactRead.isPurpose(purpose)) {
      // Nothing of the contact is read before its purpose is stated: this page shows only what was asked for.
      model.addAttribute("referralId", referralId);
      model.addAttribute("action", path(referralId));
      model.addAttribute("purpose", purpose == null ? "" : purpose);
      model.addAttribute("errors", purpose == null ? Map.of() : Map.of("purpose",
          "Say why you are opening this contact in " + ContactRead.MIN_PURPOSE_LENGTH + " to "
              + ContactRead.MAX_PURPOSE_LENGTH + " characters on one line, for example MASH screening"));
      return "workspace/purpose";
    }
    Staff staff = callingStaff.current();
    return show(viewing.contact(referralId, staff, purpose), staff, model, null, null, null, Map.of());
  }

  @PostMapping("/mash/contacts/{referralId}/checks")
  String checks(@PathVariable String referralId, @ModelAttribute ChecksForm form, Model model,
      RedirectAttributes redirect) {
    Staff staff = callingStaff.current();
    Map<String, String> errors = new LinkedHashMap<>();
    Instant requested = instant(form.requestedAt(), "requestedAt", "when the check was asked for", errors);
    Instant returned = instant(form.returnedAt(), "returnedAt", "when the check came back", errors);
    Agency agency = null;
    if (present(form.agency())) {
      agency = enumOf(Agency.class, form.agency());
      if (agency == null) {
        errors.put("agency", "Select the agency asked");
      }
    }
    String advice = present(form.advice()) ? form.advice().strip() : null;
    if (agency == null && advice == null && !errors.containsKey("agency")) {
      errors.put("agency", "Select the agency asked, or enter the advice given");
    }
    if (agency != null && requested == null && !errors.containsKey("requestedAt")) {
      errors.put("requestedAt", "Enter when the check was asked for");
    }
    if (agency == null && (requested != null || returned != null) && !errors.containsKey("agency")) {
      errors.put("agency", "Select the agency asked");
    }
    if (requested != null && returned != null && returned.isBefore(requested)) {
      errors.put("returnedAt", "The check cannot come back before it was asked for");
    }
    if (advice != null && advice.length() > Advice.MAX_LENGTH) {
      errors.put("advice", "Advice must be " + Advice.MAX_LENGTH + " characters or fewer");
    }
    if (!errors.isEmpty()) {
      return showAgain(referralId, staff, CHECKS, model, form, null, null, errors);
    }
    List<RecordingChecks.Check> checks = agency == null ? List.of()
        : List.of(new RecordingChecks.Check(agency, requested, returned));
    try {
      recordingChecks.record(referralId, checks, advice, staff);
    } catch (StepOutOfOrder e) {
      return showAgain(referralId, staff, CHECKS, model, form, null, null, Map.of("agency", e.getMessage()));
    }
    redirect.addFlashAttribute("done", agency == null ? "Advice recorded" : "Check recorded");
    return "redirect:" + pathFor(referralId, CHECKS);
  }

  @PostMapping("/mash/contacts/{referralId}/recommendation")
  String recommend(@PathVariable String referralId, @ModelAttribute DecisionForm form, Model model,
      RedirectAttributes redirect) {
    return decisionStep(referralId, form, "recommendation", RECOMMENDATION, model,
        (outcome, level, why, advice, staff) -> {
      recordingRecommendation.recommend(referralId, outcome, level, why, advice, staff);
      redirect.addFlashAttribute("done", "Recommendation recorded: a manager will sign it off");
      return "redirect:" + pathFor(referralId, RECOMMENDATION);
    });
  }

  /** The manager's sign-off: the decision. The queue is where the manager goes next. */
  @PostMapping("/mash/contacts/{referralId}/sign-off")
  String signOff(@PathVariable String referralId, @ModelAttribute DecisionForm form, Model model,
      RedirectAttributes redirect) {
    return decisionStep(referralId, form, "decision", DECISION, model, (outcome, level, why, advice, staff) -> {
      ContactView decided = recordingDecision.record(referralId, outcome, level, why, advice, staff);
      redirect.addFlashAttribute("done", "Decision recorded for " + decided.contact().reference() + ": "
          + Words.outcome(decided.contact().decision().outcome()));
      return "redirect:" + QueuePage.HOME;
    });
  }

  /** A recommendation or a sign-off, once its answers are right: where the browser goes next. */
  @FunctionalInterface
  interface DecisionStep {
    String take(MashOutcome outcome, int levelOfNeed, String rationale, String adviceToReferrer, Staff staff);
  }

  /** The answers checked, then the step taken; a wrong answer or a step out of order is shown by its field. */
  private String decisionStep(String referralId, DecisionForm form, String prefix, String purpose, Model model,
      DecisionStep step) {
    Staff staff = callingStaff.current();
    Map<String, String> errors = decisionErrors(form, prefix);
    if (errors.isEmpty()) {
      try {
        return step.take(MashOutcome.valueOf(form.outcome()), Integer.parseInt(form.levelOfNeed()),
            form.rationale().strip(), present(form.adviceToReferrer()) ? form.adviceToReferrer().strip() : null,
            staff);
      } catch (StepOutOfOrder e) {
        errors.put(prefix + "-outcome", e.getMessage());
      }
    }
    boolean recommending = RECOMMENDATION.equals(purpose);
    return showAgain(referralId, staff, purpose, model, null, recommending ? form : null, recommending ? null : form,
        errors);
  }

  /** Each answer checked, each error under its field's id (prefix: recommendation or decision). */
  static Map<String, String> decisionErrors(DecisionForm form, String prefix) {
    Map<String, String> errors = new LinkedHashMap<>();
    MashOutcome outcome = enumOf(MashOutcome.class, form.outcome());
    if (outcome == null) {
      errors.put(prefix + "-outcome", "Select an outcome");
    }
    String advice = present(form.adviceToReferrer()) ? form.adviceToReferrer().strip() : null;
    if (advice != null && !TriageDecision.isAdviceToReferrer(advice)) {
      errors.put(prefix + "-advice", "Advice to the referrer must be "
          + TriageDecision.MAX_ADVICE_TO_REFERRER_LENGTH + " characters or fewer");
    } else if ("decision".equals(prefix) && outcome != null
        && !TriageDecision.carriesAdviceWhereNeeded(outcome, advice)) {
      errors.put(prefix + "-advice", "Enter the advice to the referrer: " + Words.outcome(outcome).toLowerCase()
          + " closes the contact at the front door");
    }
    if (!List.of("1", "2", "3", "4").contains(form.levelOfNeed() == null ? "" : form.levelOfNeed())) {
      errors.put(prefix + "-level", "Select the level of need");
    }
    if (!present(form.rationale())) {
      errors.put(prefix + "-rationale", "Enter the rationale");
    } else if (form.rationale().strip().length() > TriageDecision.MAX_RATIONALE_LENGTH) {
      errors.put(prefix + "-rationale", "Rationale must be " + TriageDecision.MAX_RATIONALE_LENGTH
          + " characters or fewer");
    }
    return errors;
  }

  /** The contact again with the form as typed and its errors: a read for the step's purpose, audited like any. */
  private String showAgain(String referralId, Staff staff, String purpose, Model model, ChecksForm checks,
      DecisionForm recommendation, DecisionForm decision, Map<String, String> errors) {
    return show(viewing.contact(referralId, staff, purpose), staff, model, checks, recommendation, decision,
        errors);
  }

  private String show(ContactRecord record, Staff staff, Model model, ChecksForm checks,
      DecisionForm recommendation, DecisionForm decision, Map<String, String> errors) {
    ContactSummary contact = ContactSummary.of(record.contact(), record.rag(), record.timeRemaining());
    model.addAttribute("contact", contact);
    model.addAttribute("referrals", record.referrals().stream().map(ReferralSummary::of).toList());
    model.addAttribute("withoutConsent", staff.maySignOff() ? record.sharedWithoutConsent().stream()
        .map(ReferralSummary::of).toList() : List.of());
    model.addAttribute("staff", staff);
    model.addAttribute("mayRecommend", staff.mayRecommend() && contact.open() && contact.recommendation() == null);
    model.addAttribute("mayCheck", staff.mayRecommend() && contact.open());
    model.addAttribute("maySignOff", staff.maySignOff() && contact.open() && contact.recommendation() != null);
    model.addAttribute("outcomes", options(MashOutcome.values()));
    model.addAttribute("levels", List.of(new Option("1", Words.levelOfNeed(1)), new Option("2", Words.levelOfNeed(2)),
        new Option("3", Words.levelOfNeed(3)), new Option("4", Words.levelOfNeed(4))));
    model.addAttribute("agencies", List.of(Agency.values()).stream()
        .map(a -> new Option(a.name(), Words.code(a.name()))).toList());
    model.addAttribute("checks", checks == null ? new ChecksForm(null, null, null, null) : checks);
    model.addAttribute("recommendation", recommendation == null ? new DecisionForm(null, null, null, null)
        : recommendation);
    model.addAttribute("decision", decision == null ? new DecisionForm(contact.recommendedOutcome(),
        contact.recommendedLevel(), null, contact.recommendedAdvice()) : decision);
    model.addAttribute("errors", errors);
    return "workspace/contact";
  }

  /** A radio or select option: its value and its words. */
  record Option(String value, String text) {
  }

  private static List<Option> options(MashOutcome[] outcomes) {
    List<Option> options = new ArrayList<>();
    for (MashOutcome outcome : outcomes) {
      options.add(new Option(outcome.name(), Words.outcome(outcome)));
    }
    return options;
  }

  /** A date and time typed in a datetime-local field, London time; blank is null, nonsense an error. */
  private static Instant instant(String typed, String field, String what, Map<String, String> errors) {
    if (!present(typed)) {
      return null;
    }
    try {
      return LocalDateTime.parse(typed.strip()).atZone(Words.LONDON).toInstant();
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter " + what + " as a date and time, for example 2026-03-02T10:15");
      return null;
    }
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
