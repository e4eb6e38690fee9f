package org.mashfrontdoor.notification.adapters.web;

import static org.mashfrontdoor.platform.web.ProblemResponses.problemResponse;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mashfrontdoor.notification.application.ReadingKpis;
import org.mashfrontdoor.notification.application.RebuildingKpis;
import org.mashfrontdoor.notification.domain.kpi.ContactsBySource;
import org.mashfrontdoor.notification.domain.kpi.Scorecard;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly scorecard and the contacts-by-source table, computed from notification-service's own projection of
 * the events; {@code month} is {@code YYYY-MM} (Europe/London), this month when left out.
 */
@RestController
@RequestMapping("/api/v1/kpis")
public class KpisController {

  private final ReadingKpis reading;
  private final RebuildingKpis rebuilding;

  public KpisController(ReadingKpis reading, RebuildingKpis rebuilding) {
    this.reading = reading;
    this.rebuilding = rebuilding;
  }

  record SourceRow(String source, long contacts, BigDecimal contactsPercent, long referrals,
      BigDecimal referralsPercent, BigDecimal conversionPercent) {
  }

  record SourceTotal(long contacts, long referrals, BigDecimal conversionPercent) {
  }

  record SourceTable(String month, List<SourceRow> rows, SourceTotal total) {
    static SourceTable of(ContactsBySource table) {
      return new SourceTable(table.month().toString(), table.rows().stream().map(r -> new SourceRow(r.source(),
          r.contacts(), r.contactsPercent(), r.referrals(), r.referralsPercent(), r.conversionPercent())).toList(),
          new SourceTotal(table.total().contacts(), table.total().referrals(), table.total().conversionPercent()));
    }
  }

  /** {@code month} and {@code ytd} are percentages (two decimals) or counts, as {@code unit} says. */
  record ScorecardRow(String kpi, String label, String unit, BigDecimal month, BigDecimal ytd, BigDecimal target,
      String rag, String direction) {
  }

  record ScorecardResponse(String month, String financialYearFrom, List<ScorecardRow> rows) {
    static ScorecardResponse of(Scorecard scorecard) {
      return new ScorecardResponse(scorecard.month().toString(),
          Scorecard.financialYearStart(scorecard.month()).toString(),
          scorecard.rows().stream().map(r -> new ScorecardRow(r.kpi().name(), r.kpi().label(),
              r.kpi().unit().name(), r.month(), r.ytd(), r.target(), r.rag() == null ? null : r.rag().name(),
              r.direction().name())).toList());
    }
  }

  record Rebuilding(String status) {
  }

  @ApiResponse(responseCode = "200", description = "Contacts and referrals by source in the month", content =
      @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SourceTable.class)))
  @GetMapping("/contacts-by-source")
  public ResponseEntity<?> contactsBySource(
      @Parameter(description = "The month, as YYYY-MM (blank or absent: this month)")
      @RequestParam(required = false) String month) {
    try {
      return ResponseEntity.ok(SourceTable.of(reading.contactsBySource(month(month))));
    } catch (DateTimeParseException invalid) {
      return badMonth();
    }
  }

  @ApiResponse(responseCode = "200", description = "The KPI scorecard of the month", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ScorecardResponse.class)))
  @GetMapping("/scorecard")
  public ResponseEntity<?> scorecard(
      @Parameter(description = "The month, as YYYY-MM (blank or absent: this month)")
      @RequestParam(required = false) String month) {
    try {
      return ResponseEntity.ok(ScorecardResponse.of(reading.scorecard(month(month))));
    } catch (DateTimeParseException invalid) {
      return badMonth();
    }
  }

  /** Forgets the projection and reads the topics again from their first retained event; 202, it runs on. */
  @ApiResponse(responseCode = "202", description = "The projection is being read again from the topics")
  @PostMapping("/rebuild")
  public ResponseEntity<Rebuilding> rebuild() {
    rebuilding.rebuild();
    return ResponseEntity.accepted().body(new Rebuilding("REBUILDING"));
  }

  private YearMonth month(String month) {
    return month == null || month.isBlank() ? reading.thisMonth() : YearMonth.parse(month);
  }

  private static ResponseEntity<?> badMonth() {
    return problemResponse(ProblemResponses.invalid(List.of(new InvalidField("month", "must be a month as YYYY-MM"))));
  }
}
