package org.mashfrontdoor.notification.domain.kpi;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;

/**
 * One measure on the scorecard: its name (the API's {@code kpi}), how staff say it, its unit, which way is better,
 * and how it counts over a period's {@link Facts}. {@link #ALL} is the one list: the API, the page and the tests
 * read it. The 24-hour and the 1-day measures are two rows, always: the hub reported 88% against one and 44%
 * against the other for the same contacts.
 */
public record KpiDefinition(String name, String label, Unit unit, Better better, Function<Facts, Tally> tally) {

  public enum Unit { PERCENT, COUNT }

  /** Which way is better, for RAG and for reading the direction of travel; NONE: context, not a target. */
  public enum Better { HIGHER, LOWER, NONE }

  public static final String CONTACTS_DECIDED_WITHIN_24_HOURS = "CONTACTS_DECIDED_WITHIN_24_HOURS";
  public static final String CONTACTS_DECIDED_WITHIN_1_DAY = "CONTACTS_DECIDED_WITHIN_1_DAY";

  public KpiDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(better, "better");
    Objects.requireNonNull(tally, "tally");
  }

  public static final List<KpiDefinition> ALL = all();

  public static Optional<KpiDefinition> named(String name) {
    return ALL.stream().filter(k -> k.name.equals(name)).findFirst();
  }

  private static List<KpiDefinition> all() {
    List<KpiDefinition> all = new ArrayList<>(List.of(
        new KpiDefinition(CONTACTS_DECIDED_WITHIN_24_HOURS,
            "Contacts decided within 24 hours of receipt (decision deadline)", Unit.PERCENT, Better.HIGHER,
            f -> share(f.contacts(), c -> c.decidedInTime(f.now()))),
        new KpiDefinition(CONTACTS_DECIDED_WITHIN_1_DAY,
            "Contacts decided within 1 day (by the end of the next working day)", Unit.PERCENT, Better.HIGHER,
            f -> share(f.contacts(), c -> c.decidedWithinOneDay(f.endOfNextWorkingDay(), f.now()))),
        new KpiDefinition("CONTACTS", "Contacts received", Unit.COUNT, Better.NONE,
            f -> Tally.counting(f.contacts().size())),
        new KpiDefinition("REFERRALS", "Contacts progressed to referral", Unit.COUNT, Better.NONE,
            f -> Tally.counting(f.contacts().stream().filter(CountedContact::referral).count())),
        new KpiDefinition("CONTACT_CONVERSION", "Contacts progressed to referral (%)", Unit.PERCENT, Better.NONE,
            f -> new Tally(f.contacts().stream().filter(CountedContact::referral).count(), f.contacts().size())),
        new KpiDefinition("RE_REFERRALS_WITHIN_12_MONTHS", "Re-referrals within 12 months (% of referrals)",
            Unit.PERCENT, Better.LOWER, f -> {
              List<CountedContact> referrals = f.contacts().stream().filter(CountedContact::referral).toList();
              return new Tally(referrals.stream().filter(CountedContact::reReferral).count(), referrals.size());
            }),
        new KpiDefinition("ICPC_WITHIN_15_WORKING_DAYS", "ICPCs held within 15 working days", Unit.PERCENT,
            Better.HIGHER, f -> onTime(f, CaseDeadlineKind.ICPC)),
        new KpiDefinition("ASSESSMENTS_WITHIN_45_WORKING_DAYS", "Single assessments within 45 working days",
            Unit.PERCENT, Better.HIGHER, f -> onTime(f, CaseDeadlineKind.ASSESSMENT)),
        new KpiDefinition("EARLY_HELP_STARTED_WITHIN_4_WEEKS", "Early help started within 4 weeks", Unit.PERCENT,
            Better.HIGHER, f -> onTime(f, CaseDeadlineKind.EARLY_HELP_START)),
        new KpiDefinition("DOMESTIC_ABUSE_NOTIFICATIONS_MASH_LANE",
            "Police domestic abuse notifications, MASH lane", Unit.COUNT, Better.NONE,
            f -> notifications(f, "MASH")),
        new KpiDefinition("DOMESTIC_ABUSE_NOTIFICATIONS_DOMESTIC_ABUSE_LANE",
            "Police domestic abuse notifications, daily domestic abuse triage", Unit.COUNT, Better.NONE,
            f -> notifications(f, "DOMESTIC_ABUSE"))));
    for (MashOutcome outcome : MashOutcome.values()) {
      String words = outcome.inWords();
      all.add(new KpiDefinition("DECISIONS_" + outcome.name(),
          "Decisions: " + Character.toUpperCase(words.charAt(0)) + words.substring(1), Unit.COUNT, Better.NONE,
          f -> Tally.counting(f.contacts().stream().filter(c -> c.decided() && c.outcome() == outcome).count())));
    }
    return List.copyOf(all);
  }

  private static Tally share(List<CountedContact> contacts, Function<CountedContact, Optional<Boolean>> judged) {
    long met = 0;
    long counted = 0;
    for (CountedContact contact : contacts) {
      Optional<Boolean> verdict = judged.apply(contact);
      if (verdict.isPresent()) {
        counted++;
        met += verdict.get() ? 1 : 0;
      }
    }
    return new Tally(met, counted);
  }

  private static Tally onTime(Facts facts, CaseDeadlineKind kind) {
    Predicate<PathwayMilestone> ofKind = m -> m.kind() == kind;
    List<PathwayMilestone> reached = facts.milestones().stream().filter(ofKind).toList();
    return new Tally(reached.stream().filter(PathwayMilestone::onTime).count(), reached.size());
  }

  private static Tally notifications(Facts facts, String lane) {
    return Tally.counting(facts.contacts().stream()
        .filter(c -> c.policeNotification() && lane.equals(c.lane())).count());
  }
}
