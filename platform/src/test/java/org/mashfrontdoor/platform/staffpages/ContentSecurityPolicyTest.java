package org.mashfrontdoor.platform.staffpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

  @Test
  void nothing_inline_and_forms_may_go_on_to_the_sign_in_providers_origin_only() {
    String policy = ContentSecurityPolicy.forPagesSigningInAt("https://login.council.example/realms/staff");
    assertThat(policy).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
        "object-src 'none'", "frame-ancestors 'none'", "form-action 'self' https://login.council.example")
        .doesNotContain("unsafe-inline", "unsafe-eval", "/realms");
    assertThat(ContentSecurityPolicy.origin("http://127.0.0.1:9000")).isEqualTo("http://127.0.0.1:9000");
    assertThatThrownBy(() -> ContentSecurityPolicy.origin("not-a-url")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rag_tags_carry_their_word_as_well_as_their_colour() {
    assertThat(FieldWords.rag("AMBER")).isEqualTo(new FieldWords.Tag("Amber", "govuk-tag--yellow"));
    assertThat(FieldWords.rag("BREACHED").word()).isEqualTo("Breached");
    assertThat(FieldWords.lane("DOMESTIC_ABUSE")).isEqualTo("Domestic abuse triage");
  }
}
