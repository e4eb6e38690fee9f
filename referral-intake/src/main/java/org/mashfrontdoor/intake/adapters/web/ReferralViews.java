package org.mashfrontdoor.intake.adapters.web;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.intake.domain.Referral;

/** What the API answers about a referral. Personal data is not echoed back. */
final class ReferralViews {

  private ReferralViews() {
  }

  record Acknowledgement(String referralId, String reference, String status, Instant receivedAt,
      Instant decisionDueBy) {
    static Acknowledgement of(Referral r) {
      return new Acknowledgement(r.referralId(), r.reference(), r.status().name(), r.receivedAt(), r.decisionDueBy());
    }
  }

  record TimelineEntry(String status, Instant at, String outcome) {
  }

  record Status(String referralId, String reference, String referralType, String status, Instant receivedAt,
      Instant decisionDueBy, String outcome, String whatHappensNext, List<TimelineEntry> timeline) {
    static Status of(Referral r) {
      return new Status(r.referralId(), r.reference(), r.referralType().name(), r.status().name(), r.receivedAt(),
          r.decisionDueBy(), r.outcome() == null ? null : r.outcome().name(),
          r.outcome() == null ? null : r.outcome().whatHappensNext(),
          r.timeline().stream().map(t -> new TimelineEntry(t.status().name(), t.at(),
              t.outcome() == null ? null : t.outcome().name())).toList());
    }
  }
}
