package org.mashfrontdoor.intake.adapters.web;

import org.mashfrontdoor.intake.domain.WhatFollowsTheDecision;
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
      return new Acknowledgement(r.referralId(), r.reference(), "RECEIVED", r.receivedAt(), r.decisionDueBy());
    }
  }

  /** One line of the timeline; {@code status} names the milestone, {@code description} says it in plain English. */
  record TimelineEntry(String status, Instant at, String outcome, String pathway, String description) {
    static TimelineEntry of(Referral.StatusChange change) {
      return new TimelineEntry(change.milestone().name(), change.at(),
          change.outcome() == null ? null : change.outcome().name(), change.pathway(), describe(change));
    }
  }

  /**
   * The referrer's feedback. {@code adviceToReferrer} is what the MASH manager advises the referrer to do (always
   * given with NO_FURTHER_ACTION and INFORMATION_AND_ADVICE); the only free text here, written for the referrer.
   */
  record Status(String referralId, String reference, String referralType, String status, Instant receivedAt,
      Instant decisionDueBy, String outcome, String whatHappensNext, String whatYouStillOwn, String adviceToReferrer,
      Instant updatedAt, List<TimelineEntry> timeline) {
    static Status of(Referral r) {
      return new Status(r.referralId(), r.reference(), r.referralType().name(), r.status().name(), r.receivedAt(),
          r.decisionDueBy(), r.outcome() == null ? null : r.outcome().name(),
          r.outcome() == null ? null : WhatFollowsTheDecision.of(r.outcome()).whatHappensNext(),
          r.outcome() == null ? null : WhatFollowsTheDecision.of(r.outcome()).whatYouStillOwn(),
          r.adviceToReferrer(), r.updatedAt(),
          r.timeline().stream().map(TimelineEntry::of).toList());
    }
  }

  /** Poll again with {@code updatedSince=nextUpdatedSince&after=nextAfter}: the next page never repeats this one. */
  record Page(List<Status> referrals, Instant nextUpdatedSince, String nextAfter) {
  }

  private static String describe(Referral.StatusChange change) {
    return switch (change.milestone()) {
      case RECEIVED -> "Your referral was received. A MASH manager decides what happens within the decision deadline.";
      case IN_TRIAGE -> "The MASH is screening your referral: checks with police, health, education and early help.";
      case DECIDED -> "A MASH manager decided: " + WhatFollowsTheDecision.of(change.outcome()).whatHappensNext();
      case CASE_OPENED -> "Children's social care opened a case ("
          + change.pathway().toLowerCase().replace('_', ' ') + ").";
      case STEPPED_DOWN_TO_EARLY_HELP -> "The family was stepped down to early help; a lead professional will be in touch.";
      case STRATEGY_DISCUSSION_HELD -> "A strategy discussion about the child's safety was held.";
      case ENQUIRIES_CONCLUDED -> "Child protection enquiries have concluded.";
      case CONFERENCE_HELD -> "A child protection conference was held.";
      case ASSESSMENT_COMPLETED -> "An assessment of the child's needs has been completed.";
      case EARLY_HELP_STARTED -> "Early help has started.";
      case STEPPED_UP -> "The family was stepped up to children's social care: a new referral has been made.";
      case CASE_CLOSED -> "The case has been closed.";
    };
  }

}
