package org.mashfrontdoor.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Paging: a window into a list, bounded by the list's largest page")
class PageWindowTest {

  static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

  @Test
  void a_page_is_the_windows_part_of_the_list_with_the_lists_length() {
    assertThat(Page.of(FIVE, new PageWindow(1, 2))).isEqualTo(new Page<>(List.of("b", "c"), 5));
    assertThat(Page.of(FIVE, new PageWindow(4, 500)).items()).containsExactly("e");
    assertThat(Page.of(FIVE, new PageWindow(9, 2))).isEqualTo(new Page<>(List.of(), 5));
    assertThat(Page.of(FIVE, new PageWindow(1, Integer.MAX_VALUE)).items()).hasSize(4);
    assertThat(Page.of(FIVE, new PageWindow(0, 2)).map(String::toUpperCase))
        .isEqualTo(new Page<>(List.of("A", "B"), 5));
  }

  @Test
  void a_request_outside_the_bounds_names_every_bad_parameter() {
    assertThat(PageWindow.checked(0, 500, 500)).isEqualTo(new PageWindow(0, 500));

    PageWindow.OutOfRange both = catchThrowableOfType(PageWindow.OutOfRange.class,
        () -> PageWindow.checked(-1, 501, 500));
    assertThat(both.parameters()).containsExactly(
        new PageWindow.OutOfRange.Parameter("offset", "must be 0 or more"),
        new PageWindow.OutOfRange.Parameter("limit", "must be 1 to 500"));
    assertThat(catchThrowableOfType(PageWindow.OutOfRange.class, () -> PageWindow.checked(3, 0, 100)).parameters())
        .extracting(PageWindow.OutOfRange.Parameter::name).containsExactly("limit");
  }

  @Test
  void a_list_paged_by_number_names_each_bad_page_parameter_and_none_when_both_are_good() {
    assertThat(PageWindow.numberedPageProblems(0, 100, 100)).isEmpty();
    assertThat(PageWindow.numberedPageProblems(-1, 101, 100)).containsExactly(
        new PageWindow.OutOfRange.Parameter("page", "must be 0 or more"),
        new PageWindow.OutOfRange.Parameter("size", "must be 1 to 100"));
    assertThat(PageWindow.numberedPageProblems(2, 0, 100)).extracting(PageWindow.OutOfRange.Parameter::name)
        .containsExactly("size");
  }
}
