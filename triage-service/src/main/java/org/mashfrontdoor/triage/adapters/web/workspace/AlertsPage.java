package org.mashfrontdoor.triage.adapters.web.workspace;

import jakarta.servlet.http.HttpSession;
import org.mashfrontdoor.triage.adapters.web.CallingStaff;
import org.mashfrontdoor.triage.application.AlertFeed;
import org.mashfrontdoor.triage.application.FollowingAlerts;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alerts page: the MASH alerts for the signed-in member of staff's role, from notification-service (asked as
 * them), kept up to date by {@code /mash/alerts/stream}, each acknowledged with a button (notification-service
 * records who and when, and stops its escalation).
 */
@Controller
class AlertsPage {

  static final String PAGE = "/mash/alerts";

  private final AlertsList list;
  private final FollowingAlerts following;
  private final LiveParts<AlertsList.AlertsFor> live;
  private final CallingStaff callingStaff;

  AlertsPage(AlertsList list, FollowingAlerts following, LiveParts<AlertsList.AlertsFor> live,
      CallingStaff callingStaff) {
    this.list = list;
    this.following = following;
    this.live = live;
    this.callingStaff = callingStaff;
  }

  @GetMapping(PAGE)
  String alerts(CsrfToken csrf, Model model) {
    AlertsList.AlertsFor whose = new AlertsList.AlertsFor(callingStaff.current(), csrf.getParameterName(),
        csrf.getToken());
    AlertsList.Shown shown = list.shown(whose.staff());
    // The list as its live updates render it, so the stream sends only what changes after this.
    String part = list.render(shown, whose);
    model.addAttribute("alerts", shown);
    model.addAttribute("part", part);
    model.addAttribute("stream", UriComponentsBuilder.fromPath(PAGE + "/stream")
        .queryParam("shown", LiveParts.digest(part)).toUriString());
    return "workspace/alerts";
  }

  @GetMapping(path = PAGE + "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter stream(CsrfToken csrf, @RequestParam(required = false) String shown, HttpSession session) {
    return live.watch(new AlertsList.AlertsFor(callingStaff.current(), csrf.getParameterName(), csrf.getToken()),
        shown, LiveParts.whileSignedIn(session));
  }

  @PostMapping(PAGE + "/{alertId}/acknowledgement")
  String acknowledge(@PathVariable String alertId, RedirectAttributes redirect) {
    Staff staff = callingStaff.current();
    try {
      boolean acknowledged = following.acknowledge(alertId, staff);
      redirect.addFlashAttribute(acknowledged ? "done" : "problem",
          acknowledged ? "Alert acknowledged" : "That alert no longer exists");
    } catch (AlertFeed.Unavailable e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:" + PAGE;
  }
}
