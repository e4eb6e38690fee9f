package org.mashfrontdoor.notification.adapters.web;

import static org.mashfrontdoor.platform.web.ProblemResponses.problem;
import static org.mashfrontdoor.platform.web.ProblemResponses.problemResponse;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.mashfrontdoor.notification.application.AcknowledgingAlert;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.security.TokenCaller;
import org.mashfrontdoor.platform.web.PageStart;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Alerts for MASH staff: the list, one alert with its deliveries, the live stream, and acknowledgement. */
@RestController
@RequestMapping("/api/v1/alerts")
public class AlertsController {

  static final int MAX_PAGE_SIZE = 100;

  private final Alerts alerts;
  private final AcknowledgingAlert acknowledging;
  private final AlertStream stream;

  public AlertsController(Alerts alerts, AcknowledgingAlert acknowledging, AlertStream stream) {
    this.alerts = alerts;
    this.acknowledging = acknowledging;
    this.stream = stream;
  }

  record AlertPage(List<AlertResponse> alerts, int page, int size, long total) {
  }

  /** Newest first: of one referral, or all; {@code status=UNACKNOWLEDGED} for those nobody has acknowledged. */
  @ApiResponse(responseCode = "200", description = "A page of alerts, newest first", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AlertPage.class)))
  @GetMapping
  public ResponseEntity<?> list(@RequestParam(required = false) String referralId,
      @Parameter(schema = @Schema(allowableValues = {"UNACKNOWLEDGED", "ALL"}))
      @RequestParam(required = false) String status,
      @PageStart
      @RequestParam(defaultValue = "0") int page,
      @Parameter(schema = @Schema(type = "integer", format = "int32",
          minimum = "1", maximum = "" + MAX_PAGE_SIZE, defaultValue = "20"))
      @RequestParam(defaultValue = "20") int size) {
    List<InvalidField> errors = new ArrayList<>();
    if (status != null && !status.equals("UNACKNOWLEDGED") && !status.equals("ALL")) {
      errors.add(new InvalidField("status", "must be UNACKNOWLEDGED or ALL"));
    }
    PageWindow.numberedPageProblems(page, size, MAX_PAGE_SIZE)
        .forEach(bad -> errors.add(new InvalidField(bad.name(), bad.detail())));
    if (!errors.isEmpty()) {
      return problemResponse(ProblemResponses.invalid(errors));
    }
    Alerts.Page found = alerts.page(referralId == null || referralId.isBlank() ? null : referralId,
        "UNACKNOWLEDGED".equals(status), page, size);
    return ResponseEntity.ok(new AlertPage(found.alerts().stream().map(AlertResponse::of).toList(), page, size,
        found.total()));
  }

  /**
   * Server-Sent Events: each new alert as event {@code id} = alert id, {@code event} = type, {@code data} = the
   * alert. {@code Last-Event-ID} resumes after that alert without loss; without it, alerts from now on.
   */
  @ApiResponse(responseCode = "200", description = "Server-Sent Events: each alert as it is raised or changes; "
      + "Last-Event-ID resumes after the last one seen", content = @Content(
          mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    return stream.connect(lastEventId);
  }

  /** One alert with its deliveries (channel, recipient, state, attempts, last error). */
  @ApiResponse(responseCode = "200", description = "The alert, with its deliveries", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AlertResponse.class)))
  @ApiResponse(responseCode = "404", description = "No alert has that id")
  @GetMapping("/{alertId}")
  public ResponseEntity<?> alert(@PathVariable String alertId) {
    return alerts.withId(alertId).<ResponseEntity<?>>map(a -> ResponseEntity.ok(AlertResponse.withDeliveries(a)))
        .orElseGet(() -> notFound(alertId));
  }

  /** Records who acknowledged the alert and when, and stops its escalation; repeating it changes nothing. */
  @ApiResponse(responseCode = "200", description = "The alert, acknowledged", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AlertResponse.class)))
  @ApiResponse(responseCode = "404", description = "No alert has that id")
  @ApiResponse(responseCode = "409", description = "The alert kept changing meanwhile; try again")
  @PostMapping("/{alertId}/acknowledgement")
  public ResponseEntity<?> acknowledge(@PathVariable String alertId) {
    String staffId = TokenCaller.current().map(TokenCaller::id)
        .orElseThrow(() -> new IllegalStateException("the access rules let a request without a token through"));
    return acknowledging.acknowledge(alertId, staffId)
        .<ResponseEntity<?>>map(a -> ResponseEntity.ok(AlertResponse.withDeliveries(a)))
        .orElseGet(() -> notFound(alertId));
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(AlertStream.Full.class)
  ResponseEntity<Object> streamFull(AlertStream.Full e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Stream full", e.getMessage()
            + "; reconnect after 5 seconds with Last-Event-ID and nothing is missed."));
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(AcknowledgingAlert.KeptChanging.class)
  ResponseEntity<Object> keptChanging(AcknowledgingAlert.KeptChanging e) {
    return problemResponse(problem(HttpStatus.CONFLICT, "Alert changed meanwhile", e.getMessage()));
  }

  private static ResponseEntity<Object> notFound(String alertId) {
    return problemResponse(problem(HttpStatus.NOT_FOUND, "Alert not found", "No alert has the id " + alertId + "."));
  }
}
