package org.mashfrontdoor.triage.adapters.web.workspace;

import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.staffpages.FieldWords;
import org.mashfrontdoor.triage.application.ContactView;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Source;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;

/**
 * The queue table: open contacts in the application's one queue order (urgent first, then the least time left),
 * RAG as colour and word, the time left, in one lane or both. References and times only, no personal data, so not
 * audited (like the API's queue). One fragment renders it for the page and for every live update.
 */
@Component
class QueueTable {

  static final String FRAGMENT = "queue-table";
  /** The most a page shows; the summary says how many are queued in all. */
  static final int MAX_SHOWN = 200;

  /** One line of the queue, in words. */
  record QueueLine(String href, String reference, boolean urgent, FieldWords.Tag rag, String timeLeft,
      String dueAt, String lane, String from, String recommended) {

    static QueueLine of(ContactView view) {
      Contact c = view.contact();
      Source first = c.sources().getFirst();
      String from = Words.referralType(first.referralType()) + (first.organisation() == null ? ""
          : " from " + first.organisation()) + (c.sources().size() > 1 ? " (+" + (c.sources().size() - 1)
          + " linked)" : "");
      return new QueueLine(ContactPage.path(c.referralId()), c.reference() == null ? c.referralId() : c.reference(),
          c.urgent(), FieldWords.rag(view.rag().name()), Words.timeLeft(view.timeRemaining()),
          Words.when(c.decisionDueBy()), FieldWords.lane(c.lane().name()), from,
          c.recommendation() == null ? "" : Words.outcome(c.recommendation().outcome()));
    }
  }

  /** What the table shows for one lane filter. */
  record Shown(List<QueueLine> lines, long total, long urgent, String summary) {
  }

  /** A lane filter as a key of the live stream (a record, so "both lanes" is a key too). */
  record LaneFilter(Lane lane) {
  }

  private final ViewingContacts viewing;
  private final ITemplateEngine templates;

  QueueTable(ViewingContacts viewing, ITemplateEngine templates) {
    this.viewing = viewing;
    this.templates = templates;
  }

  Shown shown(Lane lane) {
    ViewingContacts.QueuePage queued = viewing.queue(lane, null, new PageWindow(0, MAX_SHOWN));
    long total = queued.page().total();
    long urgent = queued.urgent();
    String summary = total + (total == 1 ? " contact" : " contacts") + " waiting for a decision ("
        + urgent + " urgent)" + (total > MAX_SHOWN ? ", the first " + MAX_SHOWN + " shown" : "");
    return new Shown(queued.page().items().stream().map(QueueLine::of).toList(), total, urgent, summary);
  }

  String render(LaneFilter filter) {
    return render(shown(filter.lane()));
  }

  String render(Shown shown) {
    return LiveParts.fragment(templates, FRAGMENT, Map.of("queue", shown));
  }

  /** MASH, DOMESTIC_ABUSE, or anything else (blank, unknown): both lanes. */
  static Lane lane(String lane) {
    if (lane == null || lane.isBlank()) {
      return null;
    }
    try {
      return Lane.valueOf(lane);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
