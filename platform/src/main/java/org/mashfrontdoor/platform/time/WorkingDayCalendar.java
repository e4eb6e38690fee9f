package org.mashfrontdoor.platform.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mashfrontdoor.platform.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Working days (Monday to Friday, bank holidays excepted) of one region, from a versioned bank-holiday list kept
 * as data under {@code bank-holidays/<region>.json}. Deadlines set by it should store {@link #version()}, so a
 * contact can always be re-timed by the calendar it was timed by.
 *
 * <p>It refuses to answer outside the years its list covers ({@link OutsideCalendar}) rather than silently treat
 * an unknown bank holiday as a working day: extending the list is a data change with a new version.
 */
public final class WorkingDayCalendar {

  /** Local time of the MASH in England and Wales. */
  public static final ZoneId ENGLAND_AND_WALES_ZONE = ZoneId.of("Europe/London");

  private final String region;
  private final String version;
  private final LocalDate coversFrom;
  private final LocalDate coversTo;
  private final Set<LocalDate> bankHolidays;
  private final ZoneId zone;

  public WorkingDayCalendar(String region, String version, LocalDate coversFrom, LocalDate coversTo,
      Set<LocalDate> bankHolidays, ZoneId zone) {
    this.region = Objects.requireNonNull(region, "region");
    this.version = Objects.requireNonNull(version, "version");
    this.coversFrom = Objects.requireNonNull(coversFrom, "coversFrom");
    this.coversTo = Objects.requireNonNull(coversTo, "coversTo");
    this.bankHolidays = Collections.unmodifiableSet(new TreeSet<>(bankHolidays));
    this.zone = Objects.requireNonNull(zone, "zone");
    if (coversTo.isBefore(coversFrom)) {
      throw new IllegalArgumentException("a calendar covers at least one day");
    }
    for (LocalDate holiday : this.bankHolidays) {
      if (holiday.isBefore(coversFrom) || holiday.isAfter(coversTo)) {
        throw new IllegalArgumentException("bank holiday " + holiday + " lies outside the calendar's years");
      }
    }
  }

  /** The England and Wales calendar shipped with the platform ({@code bank-holidays/england-and-wales.json}). */
  public static WorkingDayCalendar englandAndWales() {
    return fromResource("bank-holidays/england-and-wales.json", ENGLAND_AND_WALES_ZONE);
  }

  public static WorkingDayCalendar fromResource(String resource, ZoneId zone) {
    try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no bank-holiday calendar at " + resource);
      }
      JsonNode json = EventJson.mapper().readTree(in);
      Set<LocalDate> dates = new TreeSet<>();
      json.get("dates").forEach(d -> dates.add(LocalDate.parse(d.asString())));
      return new WorkingDayCalendar(json.get("region").asString(), json.get("version").asString(),
          LocalDate.parse(json.get("coversFrom").asString()), LocalDate.parse(json.get("coversTo").asString()),
          dates, zone);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String region() {
    return region;
  }

  /** The version of the bank-holiday data, to be stored with every deadline computed from it. */
  public String version() {
    return version;
  }

  public ZoneId zone() {
    return zone;
  }

  public Set<LocalDate> bankHolidays() {
    return bankHolidays;
  }

  public boolean isWorkingDay(LocalDate date) {
    requireCovered(date);
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
  }

  /** The first working day strictly after {@code date}. */
  public LocalDate nextWorkingDayAfter(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /**
   * "One working day" from {@code start}: the same local clock time (in {@link #zone()}) on the first working
   * day strictly after the local date of {@code start}. Friday 15:00 gives Monday 15:00; Saturday or Sunday 10:00
   * gives Monday 10:00; a bank holiday is skipped like a weekend day. A local time that does not exist on that
   * day (a clock change, which in the UK only ever falls on a Sunday) moves forward by the length of the gap.
   */
  public Instant sameTimeNextWorkingDay(Instant start) {
    ZonedDateTime local = start.atZone(zone);
    LocalDate due = nextWorkingDayAfter(local.toLocalDate());
    return ZonedDateTime.of(due, local.toLocalTime(), zone).toInstant();
  }

  /**
   * The end of the {@code n}-th working day strictly after {@code dayZero} in {@link #zone()}: the last millisecond
   * before local midnight (the store keeps milliseconds). Statutory "within N working days of" counts this way.
   */
  public Instant endOfWorkingDay(LocalDate dayZero, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n is at least 1");
    }
    LocalDate day = dayZero;
    for (int i = 0; i < n; i++) {
      day = nextWorkingDayAfter(day);
    }
    return day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
  }

  private void requireCovered(LocalDate date) {
    if (date.isBefore(coversFrom) || date.isAfter(coversTo)) {
      throw new OutsideCalendar(region, version, date);
    }
  }

  /** Asked about a day the bank-holiday list does not cover. */
  public static final class OutsideCalendar extends IllegalStateException {
    public OutsideCalendar(String region, String version, LocalDate date) {
      super("bank-holiday calendar " + region + " " + version + " does not cover " + date);
    }
  }
}
