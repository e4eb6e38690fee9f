package org.mashfrontdoor.triage.adapters.web.workspace;

import jakarta.servlet.http.HttpSession;
import org.mashfrontdoor.triage.domain.Lane;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/** The queue page ({@link QueueTable}), and its live stream: the table again whenever it changes. */
@Controller
class QueuePage {

  static final String HOME = "/mash/";

  private final QueueTable table;
  private final LiveParts<QueueTable.LaneFilter> live;

  QueuePage(QueueTable table, LiveParts<QueueTable.LaneFilter> live) {
    this.table = table;
    this.live = live;
  }

  @GetMapping({"/mash", HOME})
  String queue(@RequestParam(required = false) String lane, Model model) {
    Lane chosen = QueueTable.lane(lane);
    QueueTable.Shown shown = table.shown(chosen);
    // The table as its live updates render it, so the stream sends only what changes after this.
    String part = table.render(shown);
    model.addAttribute("lane", chosen == null ? "" : chosen.name());
    model.addAttribute("queue", shown);
    model.addAttribute("part", part);
    model.addAttribute("stream", UriComponentsBuilder.fromPath("/mash/queue/stream")
        .queryParam("lane", chosen == null ? "" : chosen.name()).queryParam("shown", LiveParts.digest(part))
        .toUriString());
    return "workspace/queue";
  }

  @GetMapping(path = "/mash/queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter stream(@RequestParam(required = false) String lane, @RequestParam(required = false) String shown,
      HttpSession session) {
    return live.watch(new QueueTable.LaneFilter(QueueTable.lane(lane)), shown, LiveParts.whileSignedIn(session));
  }
}
