package org.mashfrontdoor.localauth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackPostLogoutTest {

  static final String REGISTERED = "http://127.0.0.1:8082/mash/";

  @Test
  void onlyThePortOfARegisteredLoopbackPageMayVary() {
    assertThat(LoopbackPostLogout.sameLoopbackPage(REGISTERED, "http://127.0.0.1:40123/mash/")).isTrue();
    assertThat(LoopbackPostLogout.sameLoopbackPage(REGISTERED, "http://127.0.0.1:40123/elsewhere/")).isFalse();
    assertThat(LoopbackPostLogout.sameLoopbackPage(REGISTERED, "http://localhost:8082/mash/")).isFalse();
    assertThat(LoopbackPostLogout.sameLoopbackPage(REGISTERED, "http://attacker.example:8082/mash/")).isFalse();
    assertThat(LoopbackPostLogout.sameLoopbackPage(REGISTERED, "https://127.0.0.1:8082/mash/")).isFalse();
    assertThat(LoopbackPostLogout.sameLoopbackPage(REGISTERED, "http://127.0.0.1:8082/mash/?next=x")).isFalse();
    assertThat(LoopbackPostLogout.sameLoopbackPage(REGISTERED, "not a uri")).isFalse();
  }
}
