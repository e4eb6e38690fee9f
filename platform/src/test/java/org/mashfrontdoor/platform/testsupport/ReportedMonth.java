package org.mashfrontdoor.platform.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/**
 * A month of MASH contacts with a known distribution: the Herefordshire MASH scorecard's "contacts and referrals by
 * source", March 2020 (727 contacts, 92 referrals; seed 003), as triage's {@code contact-opened} and
 * {@code decision-recorded} events, replayed in any month the bank-holiday calendar covers.
 */
public final class ReportedMonth {

  /** A row as printed: agency code, contacts, % of contacts, referrals, % of referrals, % progressed. */
  public record Row(String source, int contacts, String contactsPercent, int referrals, String referralsPercent,
      String conversionPercent) {

    /** The row as one line, e.g. {@code POLICE 418 57.50 29 31.52 6.94}. */
    public String line() {
      return String.join(" ", source, Integer.toString(contacts), contactsPercent, Integer.toString(referrals),
          referralsPercent, conversionPercent);
    }
  }

  /** Most contacts first (ties by source), as the API lists them. */
  public static final List<Row> MARCH_2020 = List.of(
      new Row("POLICE", 418, "57.50", 29, "31.52", "6.94"),
      new Row("LOCAL_AUTHORITY_SOCIAL_CARE", 61, "8.39", 23, "25.00", "37.70"),
      new Row("OTHER", 48, "6.60", 6, "6.52", "12.50"),
      new Row("SCHOOL", 47, "6.46", 8, "8.70", "17.02"),
      new Row("OTHER_LEGAL_AGENCY", 43, "5.91", 7, "7.61", "16.28"),
      new Row("HOSPITAL_AE", 34, "4.68", 7, "7.61", "20.59"),
      new Row("HEALTH_OTHER_PRIMARY", 31, "4.26", 4, "4.35", "12.90"),
      new Row("FAMILY_MEMBER", 16, "2.20", 5, "5.43", "31.25"),
      new Row("ANONYMOUS", 9, "1.24", 0, "0.00", "0.00"),
      new Row("GP", 5, "0.69", 0, "0.00", "0.00"),
      new Row("HEALTH_OTHER", 5, "0.69", 0, "0.00", "0.00"),
      new Row("HEALTH_VISITOR", 3, "0.41", 2, "2.17", "66.67"),
      new Row("INDIVIDUAL", 2, "0.28", 1, "1.09", "50.00"),
      new Row("SCHOOL_NURSE", 2, "0.28", 0, "0.00", "0.00"),
      new Row("ACQUAINTANCE", 1, "0.14", 0, "0.00", "0.00"),
      new Row("EDUCATION_OTHER", 1, "0.14", 0, "0.00", "0.00"),
      new Row("SELF", 1, "0.14", 0, "0.00", "0.00"));

  public static final int CONTACTS = 727;
  public static final int REFERRALS = 92;
  public static final String CONVERSION_PERCENT = "12.65";

  private ReportedMonth() {
  }

  /**
   * The month's events, in order (each contact opened, then decided), spread over its working days between 08:15
   * and 16:15 UTC. Referrals alternate strategy discussion and single assessment; other contacts no further
   * action, information and advice, early help. Every fourth contact of a source is decided after 30 hours (late
   * by 24 hours), the others after 5.
   */
  public static List<EventEnvelope> events(YearMonth month) {
    WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
    List<LocalDate> workingDays = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        workingDays.add(d);
      }
    }
    List<EventEnvelope> events = new ArrayList<>();
    int n = 0;
    for (Row row : MARCH_2020) {
      for (int i = 0; i < row.contacts(); i++, n++) {
        Instant received = workingDays.get(n % workingDays.size()).atTime(8 + n % 9, 15).toInstant(ZoneOffset.UTC);
        String outcome = i < row.referrals() ? (i % 2 == 0 ? "STRATEGY_DISCUSSION" : "SINGLE_ASSESSMENT")
            : List.of("NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE", "EARLY_HELP").get(i % 3);
        String contactId = UUID.randomUUID().toString();
        events.add(contactOpened(contactId, row.source(), received));
        events.add(decided(contactId, outcome, received,
            received.plus(Duration.ofHours(i % 4 == 0 ? 30 : 5))));
      }
    }
    return events;
  }

  private static EventEnvelope contactOpened(String contactId, String source, Instant received) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contactId", contactId);
    data.put("referralId", contactId);
    data.put("reference", "MARF-" + received.atZone(ZoneOffset.UTC).getYear() + "-" + contactId.substring(0, 6));
    data.put("receivedAt", received.toString());
    data.put("decisionDueBy", received.plus(Duration.ofHours(24)).toString());
    data.put("urgent", false);
    data.put("urgentReasons", List.of());
    data.put("rag", "GREEN");
    data.put("lane", "MASH");
    data.put("source", source);
    data.put("referralType", "MARF");
    return EventEnvelope.create("/mash/triage-service", "triage.contact-opened.v1", contactId, received, data);
  }

  private static EventEnvelope decided(String contactId, String outcome, Instant received, Instant decidedAt) {
    Instant due = received.plus(Duration.ofHours(24));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contactId", contactId);
    data.put("referralId", contactId);
    data.put("reference", "MARF-" + received.atZone(ZoneOffset.UTC).getYear() + "-" + contactId.substring(0, 6));
    data.put("referralIds", List.of(contactId));
    data.put("outcome", outcome);
    data.put("levelOfNeed", 3);
    data.put("receivedAt", received.toString());
    data.put("decidedAt", decidedAt.toString());
    data.put("decisionDueBy", due.toString());
    data.put("onTime", !decidedAt.isAfter(due));
    return EventEnvelope.create("/mash/triage-service", "triage.decision-recorded.v1", contactId, decidedAt, data);
  }
}
