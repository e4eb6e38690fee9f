package org.mashfrontdoor.notification.adapters.messaging;

import java.time.Instant;
import java.util.List;

/**
 * The part of {@code triage.contact-opened.v1} this service reads: urgency by triage's one rule and the clock (for
 * alerts), and lane, source and referral type (for the KPIs).
 */
public record ContactOpenedData(String referralId, String reference, Instant receivedAt, Instant decisionDueBy,
    Boolean urgent, List<String> urgentReasons, String rag, String lane, String source, String referralType) {

  public static final String TYPE = "triage.contact-opened.v1";
}
