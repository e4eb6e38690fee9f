package org.mashfrontdoor.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The England and Wales working-day calendar")
class WorkingDayCalendarTest {

  final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

  static Instant london(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WorkingDayCalendar.ENGLAND_AND_WALES_ZONE)
        .toInstant();
  }

  @Test
  void is_versioned_data_covering_2025_to_2028_with_eight_bank_holidays_a_year_all_on_weekdays() {
    assertThat(calendar.region()).isEqualTo("england-and-wales");
    assertThat(calendar.version()).isEqualTo("2025-2028.1");
    for (int year = 2025; year <= 2028; year++) {
      int y = year;
      assertThat(calendar.bankHolidays()).filteredOn(d -> d.getYear() == y).hasSize(8);
    }
    assertThat(calendar.bankHolidays()).allSatisfy(d ->
        assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
  }

  @Test
  void weekends_and_bank_holidays_are_not_working_days() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-06"))).isTrue(); // Friday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-08"))).isFalse(); // Sunday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-03"))).isFalse(); // Good Friday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-28"))).isFalse(); // Boxing Day substitute
  }

  @ParameterizedTest(name = "received {0} (London) is due {1}")
  @CsvSource({
      "2026-03-03T10:15, 2026-03-04T10:15", // Tuesday to Wednesday
      "2026-03-06T15:00, 2026-03-09T15:00", // Friday over the weekend to Monday
      "2026-03-07T10:00, 2026-03-09T10:00", // Saturday to Monday
      "2026-03-08T23:30, 2026-03-09T23:30", // Sunday late to Monday
      "2026-04-02T09:00, 2026-04-07T09:00", // Thursday before Easter to the Tuesday after Easter Monday
      "2026-12-24T16:00, 2026-12-29T16:00", // Christmas Eve past Christmas, a weekend and the substitute day
      "2026-03-27T12:00, 2026-03-30T12:00"  // Friday before the clocks go forward: same local time on Monday
  })
  void one_working_day_is_the_same_local_time_on_the_next_working_day(String received, String due) {
    assertThat(calendar.sameTimeNextWorkingDay(london(received))).isEqualTo(london(due));
  }

  @Test
  void spans_a_clock_change_in_local_time_not_in_elapsed_hours() {
    Instant friday = london("2026-03-27T12:00");
    Instant monday = calendar.sameTimeNextWorkingDay(friday);
    assertThat(java.time.Duration.between(friday, monday)).isEqualTo(java.time.Duration.ofHours(71));
  }

  @Test
  void refuses_days_its_list_does_not_cover() {
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.parse("2029-01-02")))
        .isInstanceOf(WorkingDayCalendar.OutsideCalendar.class).hasMessageContaining("2025-2028.1");
    assertThatThrownBy(() -> calendar.sameTimeNextWorkingDay(london("2028-12-29T10:00")))
        .isInstanceOf(WorkingDayCalendar.OutsideCalendar.class);
  }
}
