package org.mashfrontdoor.notification.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import org.mashfrontdoor.notification.domain.kpi.ContactsBySource;
import org.mashfrontdoor.notification.domain.kpi.Facts;
import org.mashfrontdoor.notification.domain.kpi.FrontDoorNow;
import org.mashfrontdoor.notification.domain.kpi.Scorecard;
import org.mashfrontdoor.notification.domain.kpi.Target;
import org.mashfrontdoor.platform.deadlines.DeadlinePolicy;

/**
 * The scorecard and the contacts-by-source table of a month, computed from the projection as of now, and the front
 * door as it stands.
 */
public final class ReadingKpis {

  private final KpiFacts facts;
  private final OpenContacts openContacts;
  private final Map<String, Target> targets;
  private final DeadlinePolicy endOfNextWorkingDay;
  private final Clock clock;

  public ReadingKpis(KpiFacts facts, OpenContacts openContacts, Map<String, Target> targets,
      DeadlinePolicy endOfNextWorkingDay, Clock clock) {
    this.facts = facts;
    this.openContacts = openContacts;
    this.targets = Map.copyOf(targets);
    this.endOfNextWorkingDay = endOfNextWorkingDay;
    this.clock = clock;
  }

  public Scorecard scorecard(YearMonth month) {
    return Scorecard.of(month, facts(Scorecard.firstMonthNeeded(month), month), targets);
  }

  public ContactsBySource contactsBySource(YearMonth month) {
    return ContactsBySource.of(month, facts(month, month));
  }

  /** Open contacts by lane and RAG, and today's breaches (deadlines today come from this month or the last). */
  public FrontDoorNow frontDoorNow() {
    YearMonth month = thisMonth();
    return FrontDoorNow.of(clock.instant(), openContacts.all(), facts.contactsReceived(month.minusMonths(1), month));
  }

  /** This month in the MASH's time zone: the default of both reports. */
  public YearMonth thisMonth() {
    return Facts.monthOf(clock.instant());
  }

  private Facts facts(YearMonth first, YearMonth last) {
    return new Facts(facts.contactsReceived(first, last), facts.milestonesReached(first, last), clock.instant(),
        endOfNextWorkingDay);
  }
}
