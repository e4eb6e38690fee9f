package org.mashfrontdoor.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.audit.ChainAnchor;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit/verify}: checks the service's whole audit ledger and answers what
 * {@link org.mashfrontdoor.platform.audit.ChainVerification} found ({@code entries}, {@code intact},
 * {@code brokenAt}, {@code reason}, {@code detail}, {@code head}). Given a head recorded earlier
 * ({@code anchorSequence} and {@code anchorHash}), it also checks that nothing up to it was cut or rewritten.
 * Served by every service with an {@link AuditLedger} ({@link AuditLedgerAutoConfiguration}); who may call it is
 * the service's access rules' to say, and without a rule nobody may.
 */
@RestController
public class AuditLedgerVerification {

  public static final String PATH = "/api/v1/audit/verify";

  private final AuditLedger ledger;

  public AuditLedgerVerification(AuditLedger ledger) {
    this.ledger = ledger;
  }

  @Operation(summary = "Check the read-audit ledger's hash chain", description = "The whole chain; given a head "
      + "recorded earlier (anchorSequence with anchorHash), also that nothing up to it was cut or rewritten.")
  @ApiResponse(responseCode = "200", description = "What the check found (intact or where it broke), and the head")
  @GetMapping(PATH)
  ResponseEntity<Object> verify(
      @Parameter(description = "The sequence number of a head recorded earlier (with anchorHash)",
          schema = @Schema(type = "integer", format = "int64", minimum = "1", maximum = "9223372036854775807"))
      @RequestParam(required = false) Long anchorSequence,
      @Parameter(description = "The hash of that head: 64 lower-case hexadecimal digits",
          schema = @Schema(minLength = 64, maxLength = 64, pattern = "^[0-9a-f]{64}$"))
      @RequestParam(required = false) String anchorHash) {
    if (anchorSequence == null && anchorHash == null) {
      return ResponseEntity.ok(ledger.verify(null));
    }
    List<InvalidField> errors = new ArrayList<>();
    if (anchorSequence == null || !ChainAnchor.isSequence(anchorSequence)) {
      errors.add(new InvalidField("anchorSequence", "must be given with anchorHash: a sequence number, 1 or more"));
    }
    if (!ChainAnchor.isHash(anchorHash)) {
      errors.add(new InvalidField("anchorHash", "must be given with anchorSequence: 64 lower-case hexadecimal digits"));
    }
    if (!errors.isEmpty()) {
      return ProblemResponses.problemResponse(ProblemResponses.invalid(errors));
    }
    return ResponseEntity.ok(ledger.verify(new ChainAnchor(anchorSequence, anchorHash)));
  }
}
