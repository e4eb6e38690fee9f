package org.mashfrontdoor.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A read of a contact states its purpose: bounded free text on one line")
class ContactReadTest {

  static ContactRead readFor(String purpose) {
    return new ContactRead("mgr-1", Role.MASH_MANAGER, "r-1", "r-2", List.of("r-1", "r-2"),
        Instant.parse("2026-03-02T09:00:00Z"), purpose);
  }

  @Test
  void keeps_a_stated_purpose_stripped() {
    assertThat(readFor(" MASH screening ").purpose()).isEqualTo("MASH screening");
    assertThat(readFor("x".repeat(ContactRead.MAX_PURPOSE_LENGTH)).purpose()).hasSize(200);
  }

  @Test
  void refuses_a_missing_blank_too_short_too_long_or_multi_line_purpose() {
    for (String bad : new String[] {null, "", "   ", "ok", "x".repeat(ContactRead.MAX_PURPOSE_LENGTH + 1),
        "MASH screening\nand more"}) {
      assertThat(ContactRead.isPurpose(bad)).as(String.valueOf(bad)).isFalse();
      assertThatThrownBy(() -> readFor(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
