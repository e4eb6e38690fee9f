package org.mashfrontdoor.notification.domain.kpi;

import org.mashfrontdoor.platform.codes.MashOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.domain.kpi.Scorecard.Direction;
import org.mashfrontdoor.notification.domain.kpi.Target.Rag;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.deadlines.WorkingDays;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

@DisplayName("The monthly scorecard")
class ScorecardTest {

  static final WorkingDays END_OF_NEXT_WORKING_DAY = new WorkingDays(1, WorkingDayCalendar.englandAndWales());
  static final Map<String, Target> TARGETS = Map.of(
      KpiDefinition.CONTACTS_DECIDED_WITHIN_24_HOURS, new Target(BigDecimal.valueOf(95), BigDecimal.TEN),
      "ICPC_WITHIN_15_WORKING_DAYS", new Target(BigDecimal.valueOf(90), BigDecimal.TEN));
  static final YearMonth MARCH = YearMonth.of(2027, 3);
  static final Instant NOW = Instant.parse("2027-04-20T12:00:00Z");

  /** Friday 5 March 2027, 10:00 in London (GMT): 24 hours end on Saturday; "1 day" at the end of Monday. */
  static final Instant FRIDAY = Instant.parse("2027-03-05T10:00:00Z");
  /** Monday 1 February 2027, 10:00: 24 hours end on Tuesday 10:00, "1 day" at the end of Tuesday. */
  static final Instant FEBRUARY_MONDAY = Instant.parse("2027-02-01T10:00:00Z");

  static CountedContact decided(Instant received, Duration after) {
    return new CountedContact(UUID.randomUUID().toString(), "POLICE", "MARF", "MASH", false, received,
        received.plus(Duration.ofHours(24)), received.plus(after), MashOutcome.INFORMATION_AND_ADVICE);
  }

  static CountedContact open(Instant received) {
    return new CountedContact(UUID.randomUUID().toString(), "SCHOOL", "MARF", "MASH", false, received,
        received.plus(Duration.ofHours(24)), null, null);
  }

  /**
   * March: 4 of 10 decided inside 24 hours, 5 more on Monday (inside "1 day" only), 1 on Tuesday (late by both).
   * February: 5 of 10 inside 24 hours, 8 of 10 by the end of the next working day.
   */
  static List<CountedContact> fridayAfternoonEffect() {
    List<CountedContact> contacts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      contacts.add(decided(FRIDAY, Duration.ofHours(20)));
    }
    for (int i = 0; i < 5; i++) {
      contacts.add(decided(FRIDAY, Duration.ofDays(3).minusHours(1))); // Monday 09:00
    }
    contacts.add(decided(FRIDAY, Duration.ofDays(4))); // Tuesday 10:00
    for (int i = 0; i < 5; i++) {
      contacts.add(decided(FEBRUARY_MONDAY, Duration.ofHours(23)));
    }
    for (int i = 0; i < 3; i++) {
      contacts.add(decided(FEBRUARY_MONDAY, Duration.ofHours(30))); // Tuesday 16:00
    }
    for (int i = 0; i < 2; i++) {
      contacts.add(decided(FEBRUARY_MONDAY, Duration.ofDays(3)));
    }
    return contacts;
  }

  static Scorecard.Row row(Scorecard scorecard, String kpi) {
    return scorecard.rows().stream().filter(r -> r.kpi().name().equals(kpi)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the 24-hour and the 1-day KPIs are two rows that diverge on the same contacts; the target and its "
      + "RAG belong to the 24-hour one only, and each has its own direction of travel")
  void twentyFourHoursAndOneDayDiverge() {
    Scorecard scorecard = Scorecard.of(MARCH,
        new Facts(fridayAfternoonEffect(), List.of(), NOW, END_OF_NEXT_WORKING_DAY), TARGETS);

    Scorecard.Row hours = row(scorecard, KpiDefinition.CONTACTS_DECIDED_WITHIN_24_HOURS);
    Scorecard.Row day = row(scorecard, KpiDefinition.CONTACTS_DECIDED_WITHIN_1_DAY);
    assertThat(hours.month()).isEqualByComparingTo("40.00");
    assertThat(day.month()).isEqualByComparingTo("90.00");
    assertThat(hours.ytd()).isEqualByComparingTo("45.00"); // 9 of 20, February and March
    assertThat(day.ytd()).isEqualByComparingTo("85.00"); // 17 of 20
    assertThat(hours.target()).isEqualByComparingTo("95");
    assertThat(hours.rag()).isEqualTo(Rag.RED);
    assertThat(day.target()).isNull();
    assertThat(day.rag()).isNull();
    assertThat(hours.direction()).isEqualTo(Direction.DOWN); // 50% in February
    assertThat(day.direction()).isEqualTo(Direction.UP); // 80% in February
    assertThat(hours.month().scale()).isEqualTo(2);
  }

  @Test
  @DisplayName("an open contact inside its deadline is not counted yet; once past it, it counts as late")
  void openContacts() {
    Instant received = Instant.parse("2027-03-10T10:00:00Z");
    List<CountedContact> contacts = List.of(decided(received, Duration.ofHours(2)), open(received));

    Scorecard whileInside = Scorecard.of(MARCH, new Facts(contacts, List.of(),
        received.plus(Duration.ofHours(23)), END_OF_NEXT_WORKING_DAY), TARGETS);
    Scorecard afterwards = Scorecard.of(MARCH, new Facts(contacts, List.of(),
        received.plus(Duration.ofHours(25)), END_OF_NEXT_WORKING_DAY), TARGETS);

    assertThat(row(whileInside, KpiDefinition.CONTACTS_DECIDED_WITHIN_24_HOURS).month()).isEqualByComparingTo("100");
    assertThat(row(afterwards, KpiDefinition.CONTACTS_DECIDED_WITHIN_24_HOURS).month()).isEqualByComparingTo("50");
    // still inside "1 day" (the end of Thursday 11 March) after 25 hours
    assertThat(row(afterwards, KpiDefinition.CONTACTS_DECIDED_WITHIN_1_DAY).month()).isEqualByComparingTo("100");
    assertThat(row(afterwards, "CONTACTS").month()).isEqualByComparingTo("2");
  }

  @Test
  @DisplayName("a percentage of nothing has no value, no RAG and no direction: no ICPCs is not 0%")
  void nothingToMeasure() {
    Scorecard scorecard = Scorecard.of(MARCH, new Facts(List.of(), List.of(), NOW, END_OF_NEXT_WORKING_DAY),
        TARGETS);
    Scorecard.Row icpc = row(scorecard, "ICPC_WITHIN_15_WORKING_DAYS");
    assertThat(icpc.month()).isNull();
    assertThat(icpc.rag()).isNull();
    assertThat(icpc.direction()).isEqualTo(Direction.NONE);
    assertThat(icpc.target()).isEqualByComparingTo("90");
  }

  @Test
  @DisplayName("pathway KPIs count the milestones of the month by case-service's on-time verdict")
  void pathway() {
    List<PathwayMilestone> milestones = List.of(
        new PathwayMilestone("e1", CaseDeadlineKind.ICPC, Instant.parse("2027-03-03T10:00:00Z"), true),
        new PathwayMilestone("e2", CaseDeadlineKind.ICPC, Instant.parse("2027-03-04T10:00:00Z"), true),
        new PathwayMilestone("e3", CaseDeadlineKind.ICPC, Instant.parse("2027-03-05T10:00:00Z"), false),
        new PathwayMilestone("e4", CaseDeadlineKind.ASSESSMENT, Instant.parse("2027-03-05T10:00:00Z"), true),
        new PathwayMilestone("e5", CaseDeadlineKind.ICPC, Instant.parse("2027-02-05T10:00:00Z"), true));
    Scorecard scorecard = Scorecard.of(MARCH, new Facts(List.of(), milestones, NOW, END_OF_NEXT_WORKING_DAY),
        TARGETS);
    Scorecard.Row icpc = row(scorecard, "ICPC_WITHIN_15_WORKING_DAYS");
    assertThat(icpc.month()).isEqualByComparingTo("66.67");
    assertThat(icpc.ytd()).isEqualByComparingTo("75.00");
    assertThat(icpc.rag()).isEqualTo(Rag.RED);
    assertThat(icpc.direction()).isEqualTo(Direction.DOWN);
    assertThat(row(scorecard, "ASSESSMENTS_WITHIN_45_WORKING_DAYS").month()).isEqualByComparingTo("100");
  }

  @Test
  @DisplayName("re-referrals are a share of referrals; decisions are counted by outcome, one row per outcome")
  void reReferralsAndOutcomes() {
    Instant received = Instant.parse("2027-03-10T10:00:00Z");
    List<CountedContact> contacts = List.of(
        new CountedContact("a", "POLICE", "MARF", "MASH", true, received, received.plusSeconds(86400),
            received.plusSeconds(60), MashOutcome.STRATEGY_DISCUSSION),
        new CountedContact("b", "POLICE", "MARF", "MASH", false, received, received.plusSeconds(86400),
            received.plusSeconds(60), MashOutcome.SINGLE_ASSESSMENT),
        new CountedContact("c", "POLICE", "MARF", "MASH", true, received, received.plusSeconds(86400),
            received.plusSeconds(60), MashOutcome.NO_FURTHER_ACTION),
        new CountedContact("d", "POLICE", "POLICE_NOTIFICATION", "DOMESTIC_ABUSE", false, received,
            received.plusSeconds(86400), null, null));
    Scorecard scorecard = Scorecard.of(MARCH, new Facts(contacts, List.of(), NOW, END_OF_NEXT_WORKING_DAY),
        TARGETS);
    assertThat(row(scorecard, "RE_REFERRALS_WITHIN_12_MONTHS").month()).isEqualByComparingTo("50.00");
    assertThat(row(scorecard, "DECISIONS_NO_FURTHER_ACTION").month()).isEqualByComparingTo("1");
    assertThat(row(scorecard, "DECISIONS_EARLY_HELP").month()).isEqualByComparingTo("0");
    assertThat(row(scorecard, "DOMESTIC_ABUSE_NOTIFICATIONS_DOMESTIC_ABUSE_LANE").month()).isEqualByComparingTo("1");
    assertThat(row(scorecard, "DOMESTIC_ABUSE_NOTIFICATIONS_MASH_LANE").month()).isEqualByComparingTo("0");
    assertThat(row(scorecard, "CONTACT_CONVERSION").month()).isEqualByComparingTo("50.00");
  }

  @Nested
  @DisplayName("RAG and the financial year")
  class RagAndYear {

    @Test
    @DisplayName("GREEN at or above the target, AMBER within the band below it, RED further; mirrored where lower "
        + "is better")
    void rag() {
      Target target = new Target(BigDecimal.valueOf(95), BigDecimal.TEN);
      assertThat(target.rate(new BigDecimal("95.00"), KpiDefinition.Better.HIGHER)).isEqualTo(Rag.GREEN);
      assertThat(target.rate(new BigDecimal("94.99"), KpiDefinition.Better.HIGHER)).isEqualTo(Rag.AMBER);
      assertThat(target.rate(new BigDecimal("85.00"), KpiDefinition.Better.HIGHER)).isEqualTo(Rag.AMBER);
      assertThat(target.rate(new BigDecimal("84.99"), KpiDefinition.Better.HIGHER)).isEqualTo(Rag.RED);
      Target reReferrals = new Target(BigDecimal.valueOf(20), BigDecimal.valueOf(5));
      assertThat(reReferrals.rate(new BigDecimal("19.00"), KpiDefinition.Better.LOWER)).isEqualTo(Rag.GREEN);
      assertThat(reReferrals.rate(new BigDecimal("25.00"), KpiDefinition.Better.LOWER)).isEqualTo(Rag.AMBER);
      assertThat(reReferrals.rate(new BigDecimal("25.01"), KpiDefinition.Better.LOWER)).isEqualTo(Rag.RED);
    }

    @Test
    @DisplayName("the financial year starts in April: March belongs to the year before, April starts a new one")
    void financialYear() {
      assertThat(Scorecard.financialYearStart(YearMonth.of(2027, 3))).isEqualTo(YearMonth.of(2026, 4));
      assertThat(Scorecard.financialYearStart(YearMonth.of(2027, 4))).isEqualTo(YearMonth.of(2027, 4));
      assertThat(Scorecard.financialYearStart(YearMonth.of(2026, 12))).isEqualTo(YearMonth.of(2026, 4));
      assertThat(Scorecard.firstMonthNeeded(YearMonth.of(2027, 4))).isEqualTo(YearMonth.of(2027, 3));
    }

    @Test
    @DisplayName("a month is London's: 23:30 on 31 March (BST) is March, 00:30 on 1 April (BST) is April")
    void londonMonths() {
      assertThat(Facts.monthOf(Instant.parse("2027-03-31T22:30:00Z"))).isEqualTo(YearMonth.of(2027, 3));
      assertThat(Facts.monthOf(Instant.parse("2027-03-31T23:30:00Z"))).isEqualTo(YearMonth.of(2027, 4));
    }
  }
}
