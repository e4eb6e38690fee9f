package org.mashfrontdoor.triage.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.ReferralDetails;

/**
 * A contact as shown to a member of staff: what the API's contact answer and the workspace pages show. Only
 * {@link ViewingContacts} makes one, and only once the read is in the read audit (no audit entry, no data).
 *
 * <ul>
 *   <li>{@link #contact()}: the contact (sources, checks, advice, recommendation, decision, history);</li>
 *   <li>{@link #rag()}, {@link #timeRemaining()}: at the moment of reading (negative once breached);</li>
 *   <li>{@link #referrals()}: what each of its referrals told the MASH ({@link ReferralDetails}: who referred, the
 *       children, household, concern, DASH answers, consent and its reason), in the order the referrals came; a
 *       referral received before triage kept details (issue 11) has none, so compare with
 *       {@code contact().referralIds()}.</li>
 * </ul>
 * Personal data: never log one ({@link #toString()} names the contact only).
 */
public final class ContactRecord {

  private final Contact contact;
  private final Rag rag;
  private final Duration timeRemaining;
  private final List<ReferralDetails> referrals;

  ContactRecord(ContactView view, List<ReferralDetails> referrals) {
    this.contact = view.contact();
    this.rag = view.rag();
    this.timeRemaining = view.timeRemaining();
    this.referrals = List.copyOf(referrals);
  }

  public Contact contact() {
    return contact;
  }

  public Rag rag() {
    return rag;
  }

  public Duration timeRemaining() {
    return timeRemaining;
  }

  public List<ReferralDetails> referrals() {
    return referrals;
  }

  /** The details of one of the contact's referrals, if held. */
  public Optional<ReferralDetails> detailsOf(String referralId) {
    return referrals.stream().filter(r -> r.referralId().equals(referralId)).findFirst();
  }

  /** The referrals whose referrer did not have the family's consent: the manager is shown why (their consent). */
  public List<ReferralDetails> sharedWithoutConsent() {
    return referrals.stream().filter(ReferralDetails::sharedWithoutConsent).toList();
  }

  @Override
  public String toString() {
    return "ContactRecord[" + contact.contactId() + "]";
  }
}
