package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.deadlines.DeadlinePolicy;

/**
 * A referral as the intake holds it: what the partner sent, the acknowledgement we gave (its decision deadline,
 * and the policy that set it: null on referrals stored before it was kept), how it links to earlier referrals about
 * the same children, and the timeline the referrer sees, with the MASH's decision and the advice it gave the
 * referrer ({@code adviceToReferrer}, null when none was given). Status only moves forward, so late or repeated news
 * from triage cannot undo it.
 */
public record Referral(
    String referralId,
    String reference,
    String partnerId,
    NewReferral form,
    Instant receivedAt,
    Instant decisionDueBy,
    AppliedPolicy deadlinePolicy,
    Links links,
    List<ChildIdentity> childIdentities,
    ReferralStatus status,
    MashOutcome outcome,
    String adviceToReferrer,
    List<StatusChange> timeline,
    Instant updatedAt) {

  /** One line of the referrer's timeline; {@code pathway} only for a case opened. */
  public record StatusChange(Milestone milestone, Instant at, MashOutcome outcome, String pathway) {
  }

  /**
   * The MASH's stages in their fixed order, then what followed the decision in the order it happened (a case
   * can go assessment, then strategy discussion, then enquiries; or step down and later up again).
   */
  private static final Comparator<StatusChange> STORY_ORDER = Comparator
      .comparing((StatusChange c) -> c.milestone().mashStage() ? c.milestone().ordinal() : Milestone.values().length)
      .thenComparing(c -> c.milestone().mashStage() ? Instant.MIN : c.at())
      .thenComparing(StatusChange::milestone);

  public Referral {
    Objects.requireNonNull(referralId, "referralId");
    timeline = List.copyOf(timeline);
    childIdentities = List.copyOf(childIdentities);
  }

  /** Every child's match keys, as stored for the linking lookup. */
  public List<String> childKeys() {
    return ChildIdentity.keysOf(childIdentities);
  }

  /**
   * A referral just received: RECEIVED, its decision due by the MASH decision deadline policy, applied once here
   * (triage enforces exactly this deadline, and the policy is kept with it).
   */
  public static Referral received(String referralId, String reference, Partner partner, NewReferral form,
      Instant receivedAt, DeadlinePolicy decisionDeadline, Links links, List<ChildIdentity> childIdentities) {
    return new Referral(referralId, reference, partner.id(), form, receivedAt, decisionDeadline.dueBy(receivedAt),
        decisionDeadline.applied(), links, childIdentities, ReferralStatus.RECEIVED, null, null,
        List.of(new StatusChange(Milestone.RECEIVED, receivedAt, null, null)), receivedAt);
  }

  public ReferralType referralType() {
    return form.referralType();
  }

  public NewReferral.Referrer referrer() {
    return form.referrer();
  }

  public List<NewReferral.Child> children() {
    return form.children();
  }

  public NewReferral.Concern concern() {
    return form.concern();
  }

  public DashRiskLevel dashRiskLevel() {
    return form.dashRiskLevel();
  }

  /** The MASH has opened a contact for it. No change if it is already in triage or decided. */
  public Referral inTriage(Instant at) {
    if (status.compareTo(ReferralStatus.IN_TRIAGE) >= 0) {
      return this;
    }
    return with(ReferralStatus.IN_TRIAGE, outcome, adviceToReferrer,
        new StatusChange(Milestone.IN_TRIAGE, at, null, null));
  }

  /**
   * A manager has decided, with {@code advice} for the referrer (null when none was given). No change if a decision
   * is already recorded.
   */
  public Referral decided(MashOutcome decision, String advice, Instant at) {
    if (status == ReferralStatus.DECIDED) {
      return this;
    }
    return with(ReferralStatus.DECIDED, Objects.requireNonNull(decision), advice,
        new StatusChange(Milestone.DECIDED, at, decision, null));
  }

  /**
   * Children's social care opened a case after the decision: early help is a step-down, anything else a
   * social-care case. Recorded once; the status stays DECIDED (the MASH's part is done).
   */
  public Referral caseOpened(String pathway, Instant at) {
    boolean already = timeline.stream().anyMatch(
        t -> t.milestone() == Milestone.CASE_OPENED || t.milestone() == Milestone.STEPPED_DOWN_TO_EARLY_HELP);
    if (already) {
      return this;
    }
    Milestone milestone = "EARLY_HELP".equals(pathway) ? Milestone.STEPPED_DOWN_TO_EARLY_HELP : Milestone.CASE_OPENED;
    return with(status, outcome, adviceToReferrer, new StatusChange(milestone, at, null, pathway));
  }

  /**
   * A later step of the case (strategy discussion held, enquiries concluded, ...). Each milestone is recorded
   * once, the first time it is reported; the status stays DECIDED.
   */
  public Referral caseMilestone(Milestone milestone, Instant at) {
    if (milestone.mashStage() || milestone == Milestone.CASE_OPENED) {
      throw new IllegalArgumentException(milestone + " is not a later step of a case");
    }
    if (timeline.stream().anyMatch(t -> t.milestone() == milestone)) {
      return this;
    }
    return with(status, outcome, adviceToReferrer,
        new StatusChange(milestone, Objects.requireNonNull(at), null, null));
  }

  private Referral with(ReferralStatus next, MashOutcome decision, String advice, StatusChange change) {
    List<StatusChange> changes = new ArrayList<>(timeline);
    changes.add(change);
    // Triage and case events travel on different topics, so they may arrive out of order: tell the story in order.
    changes.sort(STORY_ORDER);
    return new Referral(referralId, reference, partnerId, form, receivedAt, decisionDueBy, deadlinePolicy, links,
        childIdentities, next, decision, advice, changes, updatedAt);
  }

  /** Marks when the intake last changed what the referrer sees (drives {@code updatedSince} polling). */
  public Referral touched(Instant at) {
    return new Referral(referralId, reference, partnerId, form, receivedAt, decisionDueBy, deadlinePolicy, links,
        childIdentities, status, outcome, adviceToReferrer, timeline, at);
  }
}
