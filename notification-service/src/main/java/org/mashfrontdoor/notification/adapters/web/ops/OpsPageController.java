package org.mashfrontdoor.notification.adapters.web.ops;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mashfrontdoor.notification.application.ReadingKpis;
import org.mashfrontdoor.notification.domain.kpi.ContactsBySource;
import org.mashfrontdoor.notification.domain.kpi.FrontDoorNow;
import org.mashfrontdoor.notification.domain.kpi.KpiDefinition;
import org.mashfrontdoor.notification.domain.kpi.Scorecard;
import org.mashfrontdoor.platform.staffpages.FieldWords;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The built-in ops page: the month's scorecard in the reports' layout, contacts by source with a chart, the front
 * door now and the pipeline's health. Server-rendered; what it shows comes from the same use case as the KPI API.
 */
@Controller
class OpsPageController {

  static final DateTimeFormatter MONTH_IN_WORDS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  /** The chart's drawing width for the largest source, in SVG units. */
  static final int CHART_WIDTH = 420;

  private final ReadingKpis reading;
  private final PipelineHealth pipeline;

  OpsPageController(ReadingKpis reading, PipelineHealth pipeline) {
    this.reading = reading;
    this.pipeline = pipeline;
  }

  record ScorecardLine(String kpi, String label, String month, String ytd, String target, String ragWord,
      String ragClass, String arrow, String directionWord) {
  }

  record Bar(String source, long contacts, long referrals, int y, int contactsWidth, int referralsWidth) {
  }

  record LaneLine(String lane, List<Long> byRag, long total) {
  }

  @GetMapping({"/ops", "/ops/"})
  String page(@RequestParam(required = false) String month, Authentication staff, Model model) {
    YearMonth shown;
    String monthError = null;
    try {
      shown = month == null || month.isBlank() ? reading.thisMonth() : YearMonth.parse(month);
    } catch (DateTimeParseException invalid) {
      shown = reading.thisMonth();
      monthError = "Enter a month as YYYY-MM, for example 2027-03";
    }
    Scorecard scorecard = reading.scorecard(shown);
    ContactsBySource sources = reading.contactsBySource(shown);
    FrontDoorNow frontDoor = reading.frontDoorNow();

    model.addAttribute("staffName", staff == null ? "" : staff.getName());
    model.addAttribute("month", shown.toString());
    model.addAttribute("monthInWords", shown.format(MONTH_IN_WORDS));
    model.addAttribute("financialYearFrom", Scorecard.financialYearStart(shown).format(MONTH_IN_WORDS));
    model.addAttribute("monthError", monthError);
    model.addAttribute("scorecard", scorecard.rows().stream().map(OpsPageController::line).toList());
    model.addAttribute("sources", sources);
    model.addAttribute("bars", bars(sources));
    model.addAttribute("chartHeight", Math.max(40, sources.rows().size() * 28 + 10));
    model.addAttribute("rags", FrontDoorNow.RAGS);
    model.addAttribute("lanes", lanes(frontDoor));
    model.addAttribute("frontDoor", frontDoor);
    model.addAttribute("pipeline", pipeline.now());
    return "ops/index";
  }

  static ScorecardLine line(Scorecard.Row row) {
    boolean percent = row.kpi().unit() == KpiDefinition.Unit.PERCENT;
    // A count is context, not a measure against a target: no tag at all. A percentage without a target says so.
    FieldWords.Tag tag = row.rag() == null ? null : FieldWords.rag(row.rag().name());
    String ragWord = tag != null ? tag.word() : percent && row.target() == null ? "No target" : "";
    String ragClass = tag == null ? "govuk-tag--grey" : tag.cssClass();
    String arrow = switch (row.direction()) {
      case UP -> "↑";
      case DOWN -> "↓";
      case SAME -> "→";
      case NONE -> "";
    };
    String directionWord = switch (row.direction()) {
      case UP -> "Up on last month";
      case DOWN -> "Down on last month";
      case SAME -> "Same as last month";
      case NONE -> "No previous month";
    };
    return new ScorecardLine(row.kpi().name(), row.kpi().label(), shown(row.month(), percent),
        shown(row.ytd(), percent), row.target() == null ? "–" : row.target().stripTrailingZeros().toPlainString()
        + "%", ragWord, ragClass, arrow, directionWord);
  }

  private static String shown(BigDecimal value, boolean percent) {
    if (value == null) {
      return "–";
    }
    return percent ? value.toPlainString() + "%" : value.toPlainString();
  }

  private static List<Bar> bars(ContactsBySource sources) {
    long most = sources.rows().stream().mapToLong(ContactsBySource.Row::contacts).max().orElse(1);
    List<Bar> bars = new ArrayList<>();
    int y = 5;
    for (ContactsBySource.Row row : sources.rows()) {
      bars.add(new Bar(row.source(), row.contacts(), row.referrals(), y,
          (int) Math.max(1, row.contacts() * CHART_WIDTH / most), (int) (row.referrals() * CHART_WIDTH / most)));
      y += 28;
    }
    return bars;
  }

  private static List<LaneLine> lanes(FrontDoorNow frontDoor) {
    List<LaneLine> lanes = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> lane : frontDoor.openByLaneAndRag().entrySet()) {
      List<Long> counts = FrontDoorNow.RAGS.stream().map(rag -> lane.getValue().getOrDefault(rag, 0L)).toList();
      lanes.add(new LaneLine(FieldWords.lane(lane.getKey()), counts,
          counts.stream().mapToLong(Long::longValue).sum()));
    }
    return lanes;
  }
}
