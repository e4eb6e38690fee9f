package org.mashfrontdoor.triage.adapters.web.workspace;

import java.util.List;
import java.util.Map;
import org.mashfrontdoor.triage.application.AlertFeed;
import org.mashfrontdoor.triage.application.FollowingAlerts;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * The MASH alerts for a member of staff's role, each with an acknowledge button; one fragment renders it for the
 * page and for every live update (so the buttons carry the session's CSRF token explicitly: a live update is
 * rendered away from any request).
 */
@Component
class AlertsList {

  static final String FRAGMENT = "alerts-list";

  /** Whose alerts, and the form token their acknowledge buttons need. */
  record AlertsFor(Staff staff, String csrfParameter, String csrfToken) {
  }

  record AlertLine(String alertId, String acknowledgeAction, String type, String severity, String severityClass,
      String reference, String contactHref, String raisedAt, String summary, String reasons) {

    static AlertLine of(AlertFeed.StaffAlert a) {
      boolean urgent = "URGENT".equals(a.severity());
      return new AlertLine(a.alertId(), "/mash/alerts/" + a.alertId() + "/acknowledgement", Words.code(a.type()),
          Words.code(a.severity()), urgent ? "govuk-tag--red" : "WARNING".equals(a.severity())
          ? "govuk-tag--yellow" : "govuk-tag--grey", a.reference(),
          a.referralId() == null ? null : ContactPage.path(a.referralId()), Words.when(a.createdAt()),
          a.summary(), String.join(", ", a.reasons().stream().map(Words::code).toList()));
    }
  }

  record Shown(List<AlertLine> lines, String summary, String unavailable) {
  }

  private final FollowingAlerts following;
  private final ITemplateEngine templates;

  AlertsList(FollowingAlerts following, ITemplateEngine templates) {
    this.following = following;
    this.templates = templates;
  }

  Shown shown(Staff staff) {
    try {
      List<AlertLine> lines = following.forStaff(staff).stream().map(AlertLine::of).toList();
      return new Shown(lines, lines.size() + (lines.size() == 1 ? " alert" : " alerts")
          + " not yet acknowledged", null);
    } catch (AlertFeed.Unavailable e) {
      return new Shown(List.of(), "Alerts cannot be shown just now", e.getMessage());
    }
  }

  String render(AlertsFor whose) {
    return render(shown(whose.staff()), whose);
  }

  String render(Shown shown, AlertsFor whose) {
    return LiveParts.fragment(templates, FRAGMENT, Map.of("alerts", shown,
        "csrfParameter", whose.csrfParameter(), "csrfToken", whose.csrfToken()));
  }
}
