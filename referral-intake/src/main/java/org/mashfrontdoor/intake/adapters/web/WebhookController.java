package org.mashfrontdoor.intake.adapters.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.intake.application.InvalidWebhookUrl;
import org.mashfrontdoor.intake.application.RegisteringWebhook;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.WebhookSubscription;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The calling partner's webhook subscription (docs/webhooks.md). */
@RestController
@RequestMapping("/api/v1/webhook")
class WebhookController {

  record WebhookRequest(@NotBlank @Size(max = WebhookSubscription.MAX_URL_LENGTH) String url) {
  }

  /** The answer to registering: the only time the secret is shown. */
  record Registered(String url, Instant registeredAt, String secret, String signatureHeader) {
  }

  record Subscription(String url, Instant registeredAt) {
  }

  /** How receivers check the signature, stated in the registration answer. */
  static final String SIGNATURE_RULE =
      "X-MASH-Signature: sha256=<hex HMAC-SHA256, keyed with this secret, of X-MASH-Timestamp, \".\" and the raw "
          + "request body>";

  private final RegisteringWebhook registering;
  private final CallingPartner callingPartner;

  WebhookController(RegisteringWebhook registering, CallingPartner callingPartner) {
    this.registering = registering;
    this.callingPartner = callingPartner;
  }

  @Operation(summary = "Register or replace your webhook",
      description = "Status changes of your referrals are POSTed to the URL, signed with a fresh secret returned "
          + "only in this answer (X-MASH-Signature: sha256=<hex HMAC-SHA256 of the timestamp, \".\" and the raw "
          + "body>). 201 when new, 200 "
          + "when it replaced your previous webhook (whose secret then stops being used).")
  @ApiResponse(responseCode = "200", description = "Replaced your previous webhook", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Registered.class)))
  @ApiResponse(responseCode = "201", description = "Registered", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Registered.class)))
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> register(@Valid @RequestBody WebhookRequest request) {
    Partner partner = callingPartner.reading();
    RegisteringWebhook.Registered registered;
    try {
      registered = registering.register(partner, request.url());
    } catch (InvalidWebhookUrl e) {
      return ProblemResponses.problemResponse(ProblemResponses.invalid(List.of(new InvalidField("/url",
          e.getMessage()))));
    }
    WebhookSubscription s = registered.subscription();
    return ResponseEntity.status(registered.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(new Registered(s.url().toString(), s.registeredAt(), s.secret(), SIGNATURE_RULE));
  }

  @Operation(summary = "Your webhook (never its secret)")
  @ApiResponse(responseCode = "200", description = "Your webhook", content = @Content(
      mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Subscription.class)))
  @ApiResponse(responseCode = "404", description = "You have no webhook registered")
  @GetMapping
  ResponseEntity<Object> show() {
    Partner partner = callingPartner.reading();
    return registering.view(partner)
        .<ResponseEntity<Object>>map(s -> ResponseEntity.ok(new Subscription(s.url().toString(), s.registeredAt())))
        .orElseGet(WebhookController::none);
  }

  @Operation(summary = "Stop notifications to your webhook")
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(responseCode = "404", description = "You have no webhook registered")
  @DeleteMapping
  ResponseEntity<Object> remove() {
    Partner partner = callingPartner.reading();
    return registering.remove(partner) ? ResponseEntity.noContent().build() : none();
  }

  private static ResponseEntity<Object> none() {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.NOT_FOUND, "No webhook",
        "You have no webhook registered. PUT one to /api/v1/webhook."));
  }
}
