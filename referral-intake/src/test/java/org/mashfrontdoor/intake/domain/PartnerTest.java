package org.mashfrontdoor.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.codes.Agency;

@DisplayName("A partner sees only the referrals it submitted")
class PartnerTest {

  @Test
  @DisplayName("its own, no one else's; a wildcard subject is just another partner, not a key to everything")
  void ownsOnlyItsOwn() {
    Partner police = new Partner("west-mercia-police", Agency.POLICE, "West Mercia Police");
    assertThat(police.owns("west-mercia-police")).isTrue();
    assertThat(police.owns("bishops-oak-primary")).isFalse();
    Partner wildcard = new Partner("*", null, null);
    assertThat(wildcard.owns("west-mercia-police")).isFalse();
    assertThat(wildcard.owns("*")).isTrue();
  }
}
