package org.mashfrontdoor.triage.adapters.web.workspace;

import org.mashfrontdoor.triage.domain.Lane;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

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
    model.addAttribute("lane", chosen == null ? "" : chosen.name());
    model.addAttribute("queue", table.shown(chosen));
    model.addAttribute("stream", "/mash/queue/stream" + (chosen == null ? "" : "?lane=" + chosen.name()));
    return "workspace/queue";
  }

  @GetMapping(path = "/mash/queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  SseEmitter stream(@RequestParam(required = false) String lane) {
    return live.watch(new QueueTable.LaneFilter(QueueTable.lane(lane)), null);
  }
}
