package org.mashfrontdoor.triage.adapters.web.workspace;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mashfrontdoor.triage.domain.HistoryEntry;

/** The workspace's words for the front door's codes and clocks: plain English, London time. */
final class Words {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.UK)
      .withZone(LONDON);

  private Words() {
  }

  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  /** "3 hours 20 minutes left", "Less than a minute left", "Overdue by 5 minutes". */
  static String timeLeft(Duration left) {
    if (left.isNegative()) {
      Duration over = left.negated();
      return over.toMinutes() < 1 ? "Overdue by less than a minute" : "Overdue by " + span(over);
    }
    return left.toMinutes() < 1 ? "Less than a minute left" : span(left) + " left";
  }

  private static String span(Duration duration) {
    long days = duration.toDays();
    int hours = duration.toHoursPart();
    int minutes = duration.toMinutesPart();
    StringBuilder words = new StringBuilder();
    if (days > 0) {
      words.append(count(days, "day")).append(' ');
    }
    if (hours > 0) {
      words.append(count(hours, "hour")).append(' ');
    }
    if (days == 0 && minutes > 0) {
      words.append(count(minutes, "minute"));
    }
    return words.toString().strip();
  }

  private static String count(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  static String outcome(MashOutcome outcome) {
    return switch (outcome) {
      case NO_FURTHER_ACTION -> "No further action";
      case INFORMATION_AND_ADVICE -> "Information and advice";
      case EARLY_HELP -> "Early help";
      case SINGLE_ASSESSMENT -> "Single assessment";
      case STRATEGY_DISCUSSION -> "Strategy discussion";
    };
  }

  /** Level of need against the local threshold guidance. */
  static String levelOfNeed(int level) {
    return switch (level) {
      case 1 -> "1: universal";
      case 2 -> "2: early help";
      case 3 -> "3: targeted";
      case 4 -> "4: statutory";
      default -> Integer.toString(level);
    };
  }

  static String referralType(ReferralType type) {
    return switch (type) {
      case MARF -> "Multi-agency referral form";
      case POLICE_NOTIFICATION -> "Police notification";
      case CONSULTATION -> "Consultation";
    };
  }

  static String step(HistoryEntry.Step step) {
    return switch (step) {
      case OPENED -> "Contact opened";
      case REFERRAL_JOINED -> "Linked referral joined";
      case CHECKS_RECORDED -> "Check recorded";
      case ADVICE_RECORDED -> "Advice recorded";
      case RECOMMENDED -> "Recommended";
      case TURNED_AMBER -> "Turned amber";
      case TURNED_RED -> "Turned red";
      case BREACHED -> "Deadline passed";
      case DECIDED -> "Decided (signed off)";
    };
  }

  /** A code as words: {@code HIGH_RISK_DOMESTIC_ABUSE} as "High risk domestic abuse". */
  static String code(String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String spaced = code.replace('_', ' ').toLowerCase(Locale.UK);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
