package org.mashfrontdoor.platform.web;

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

  @GetMapping(PATH)
  ResponseEntity<Object> verify(
      @RequestParam(required = false) Long anchorSequence, @RequestParam(required = false) String anchorHash) {
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
