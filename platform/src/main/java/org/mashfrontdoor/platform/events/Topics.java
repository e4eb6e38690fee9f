package org.mashfrontdoor.platform.events;

/**
 * Topic names shared by producers and consumers. Each producing service's outbox routes by
 * {@code aggregatetype}: topic = {@code mash.<aggregatetype>.events}, the same rule Debezium's outbox router is
 * configured with in production ({@code route.topic.replacement=mash.${routedByValue}.events}).
 */
public final class Topics {
  public static final String REFERRAL_EVENTS = "mash.referral.events";
  public static final String TRIAGE_EVENTS = "mash.triage.events";
  public static final String CASE_EVENTS = "mash.case.events";
  public static final String DEAD_LETTER_SUFFIX = ".DLT";

  private Topics() {
  }

  public static String forAggregateType(String aggregateType) {
    return "mash." + aggregateType + ".events";
  }
}
