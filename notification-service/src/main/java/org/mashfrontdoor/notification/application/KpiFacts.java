package org.mashfrontdoor.notification.application;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.mashfrontdoor.notification.domain.kpi.CountedContact;
import org.mashfrontdoor.notification.domain.kpi.PathwayMilestone;

/**
 * The KPI projection's store: one entry per contact (by contact id) and per pathway milestone (by event id). Every
 * write is a key lookup and sets values, so a redelivered or replayed event changes nothing and the two halves of a
 * contact (opened, decided) may land in either order.
 */
public interface KpiFacts {

  /** One event's fact. */
  sealed interface Fact {
  }

  record Opened(String contactId, String source, String referralType, String lane, boolean reReferral,
      Instant receivedAt, Instant decisionDueBy) implements Fact {
  }

  record Decided(String contactId, MashOutcome outcome, Instant receivedAt, Instant decisionDueBy, Instant decidedAt)
      implements Fact {
  }

  record Reached(PathwayMilestone milestone) implements Fact {
  }

  /** Records a batch of events' facts, in one write per collection (order-free, so unordered). */
  void recordAll(List<Fact> facts);

  /** Contacts received, and milestones reached, in the months {@code first} to {@code last} (Europe/London). */
  List<CountedContact> contactsReceived(YearMonth first, YearMonth last);

  List<PathwayMilestone> milestonesReached(YearMonth first, YearMonth last);

  /** Forgets everything, before a rebuild from the topics. */
  void clear();
}
