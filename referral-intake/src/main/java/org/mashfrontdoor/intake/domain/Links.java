package org.mashfrontdoor.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a new referral relates to earlier ones about the same children: a re-referral when one was received in
 * the 12 months before (the national definition), and linked when one came from any agency in the last 7 days,
 * so triage can screen them together.
 */
public record Links(boolean reReferral, List<String> linkedReferralIds) {

  public static final Duration LINK_WINDOW = Duration.ofDays(7);
  public static final int MAX_LINKED = 50;

  /**
   * An earlier referral that shares a key with one of the children, and its children's identities (empty for a
   * referral stored before they were kept: it counts as a match by key alone, as it did then).
   */
  public record Earlier(String referralId, Instant receivedAt, List<ChildIdentity> children) {

    public Earlier {
      children = List.copyOf(children);
    }

    public Earlier(String referralId, Instant receivedAt) {
      this(referralId, receivedAt, List.of());
    }

    /** About one of these children, not merely sharing a key with one (a name match two NHS numbers veto). */
    public boolean isAbout(List<ChildIdentity> these) {
      return children.isEmpty() || ChildIdentity.anySame(these, children);
    }
  }

  public Links {
    linkedReferralIds = List.copyOf(linkedReferralIds);
  }

  public static Links none() {
    return new Links(false, List.of());
  }

  /** The oldest receipt time that still counts as a re-referral: 12 calendar months before (inclusive). */
  public static Instant reReferralSince(Instant receivedAt) {
    return receivedAt.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
  }

  public static Links between(Instant receivedAt, List<Earlier> earlier) {
    Instant reReferralSince = reReferralSince(receivedAt);
    Instant linkSince = receivedAt.minus(LINK_WINDOW);
    boolean reReferral = earlier.stream()
        .anyMatch(e -> !e.receivedAt().isBefore(reReferralSince) && !e.receivedAt().isAfter(receivedAt));
    List<String> linked = earlier.stream()
        .filter(e -> !e.receivedAt().isBefore(linkSince) && !e.receivedAt().isAfter(receivedAt))
        .sorted((a, b) -> b.receivedAt().compareTo(a.receivedAt()))
        .map(Earlier::referralId).distinct().limit(MAX_LINKED).toList();
    return new Links(reReferral, linked);
  }
}
