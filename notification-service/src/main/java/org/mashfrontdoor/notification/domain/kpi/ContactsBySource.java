package org.mashfrontdoor.notification.domain.kpi;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Contacts and referrals by source" for one month, as the scorecard prints it: per source, its contacts and their
 * share of all contacts, its referrals (contacts progressed to a single assessment or strategy discussion) and
 * their share of all referrals, and the share of its contacts that became referrals. Most contacts first.
 */
public record ContactsBySource(YearMonth month, List<Row> rows, Total total) {

  public record Row(String source, long contacts, BigDecimal contactsPercent, long referrals,
      BigDecimal referralsPercent, BigDecimal conversionPercent) {
  }

  public record Total(long contacts, long referrals, BigDecimal conversionPercent) {
  }

  public static ContactsBySource of(YearMonth month, Facts facts) {
    List<CountedContact> contacts = facts.between(month, month).contacts();
    Map<String, long[]> bySource = new TreeMap<>();
    for (CountedContact contact : contacts) {
      long[] counts = bySource.computeIfAbsent(contact.source(), s -> new long[2]);
      counts[0]++;
      counts[1] += contact.referral() ? 1 : 0;
    }
    long allContacts = contacts.size();
    long allReferrals = bySource.values().stream().mapToLong(c -> c[1]).sum();
    List<Row> rows = bySource.entrySet().stream()
        .map(e -> new Row(e.getKey(), e.getValue()[0], Percent.of(e.getValue()[0], allContacts), e.getValue()[1],
            Percent.of(e.getValue()[1], allReferrals), Percent.of(e.getValue()[1], e.getValue()[0])))
        .sorted(Comparator.comparingLong(Row::contacts).reversed().thenComparing(Row::source))
        .toList();
    return new ContactsBySource(month, rows, new Total(allContacts, allReferrals,
        Percent.of(allReferrals, allContacts)));
  }
}
