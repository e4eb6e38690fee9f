package org.mashfrontdoor.platform.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Ids that sort by when they were made: UUID version 7 (RFC 9562), the clock's milliseconds first, then 74 random
 * bits. A referral's id keys its documents in intake, triage and notification (the referral, its contact, its KPI
 * facts), so ids made together land together at the end of each {@code _id} index instead of anywhere in it: a
 * write then changes the index pages just written, rather than reading an old page back and writing it again
 * whole. Random ids (version 4) did the latter, which on the stand-in store cost more the more it held; MongoDB's
 * B-trees gain the same locality. The time in the id is, to the millisecond or so, when the referral was received,
 * which its partner is told anyway.
 */
public final class TimeOrderedIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TimeOrderedIds() {
  }

  /** A new id, its time from {@code clock}. */
  public static String next(Clock clock) {
    long millis = clock.millis() & 0xFFFF_FFFF_FFFFL; // 48 bits: until the year 10889
    long mostSignificant = millis << 16 | 0x7000L | (RANDOM.nextInt() & 0xFFFL);
    long leastSignificant = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // variant 10
    return new UUID(mostSignificant, leastSignificant).toString();
  }
}
