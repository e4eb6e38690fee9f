package org.mashfrontdoor.triage.adapters.web.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.triage.adapters.web.CallingStaff;
import org.mashfrontdoor.triage.application.Intake;
import org.mashfrontdoor.triage.application.PhoneContact;
import org.mashfrontdoor.triage.application.RecordingPhoneContact;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * "Record a contact": a phone call or an email to the MASH, written down by staff and sent to intake as the member
 * of staff (one front door: intake checks it, gives its reference and starts the clock; it reaches the queue like any
 * other contact). Each form carries a submission id, so sending it twice records one contact.
 */
@Controller
class RecordContactPage {

  static final String PAGE = "/mash/record-contact";

  private final RecordingPhoneContact recording;
  private final CallingStaff callingStaff;

  RecordContactPage(RecordingPhoneContact recording, CallingStaff callingStaff) {
    this.recording = recording;
    this.callingStaff = callingStaff;
  }

  @GetMapping(PAGE)
  String form(Model model) {
    return show(PhoneContactForm.blank(UUID.randomUUID().toString()), Map.of(), model);
  }

  @PostMapping(PAGE)
  String record(@ModelAttribute PhoneContactForm form, Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    PhoneContact contact = form.contact(errors);
    if (!ContactPage.present(form.submissionId()) || form.submissionId().length() > 64) {
      form = withNewSubmission(form);
    }
    if (contact == null) {
      return show(form, errors, model);
    }
    try {
      Intake.Received received = recording.record(contact, form.submissionId(), callingStaff.current());
      model.addAttribute("received", received);
      return "workspace/recorded";
    } catch (Intake.Refused refused) {
      return show(form, PhoneContactForm.errorsOf(refused.problems()), model);
    } catch (Intake.NotTaken notTaken) {
      return show(form, Map.of("form", notTaken.getMessage()), model);
    }
  }

  private String show(PhoneContactForm form, Map<String, String> errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("agencies", List.of(Agency.values()).stream()
        .map(a -> new ContactPage.Option(a.name(), Words.code(a.name()))).toList());
    model.addAttribute("categories", recording.concernCategories().stream()
        .map(c -> new ContactPage.Option(c, Words.code(c))).toList());
    return "workspace/record-contact";
  }

  private static PhoneContactForm withNewSubmission(PhoneContactForm f) {
    return new PhoneContactForm(UUID.randomUUID().toString(), f.channel(), f.callerName(), f.callerAgency(),
        f.callerOrganisation(), f.callerRole(), f.callerEmail(), f.callerPhone(), f.childGivenName(),
        f.childFamilyName(), f.childDobDay(), f.childDobMonth(), f.childDobYear(), f.addressLine1(), f.town(),
        f.postcode(), f.school(), f.concernCategory(), f.concern(), f.immediateRisk(), f.parentAware(),
        f.consentGiven(), f.reasonNotSought());
  }
}
