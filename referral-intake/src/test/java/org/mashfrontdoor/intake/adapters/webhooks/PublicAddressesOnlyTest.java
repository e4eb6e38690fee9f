package org.mashfrontdoor.intake.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Webhooks go to public addresses only (no server-side request forgery)")
class PublicAddressesOnlyTest {

  final PublicAddressesOnly production = new PublicAddressesOnly(false);
  final PublicAddressesOnly localStack = new PublicAddressesOnly(true);

  @ParameterizedTest
  @ValueSource(strings = {"https://127.0.0.1/", "https://[::1]/", "https://localhost/", "https://10.1.2.3/",
      "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.0.10/", "https://169.254.169.254/",
      "https://100.64.1.1/", "https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/",
      "https://198.18.0.1/", "https://192.0.2.1/", "https://203.0.113.7/", "https://[fc00::1]/", "https://[fd12::1]/",
      "https://[fe80::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:192.168.1.1]/",
      "https://[2002:0a00:0001::1]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[2001:db8::1]/",
      "https://metadata.google.internal/", "https://no-such-host.invalid/"})
  @DisplayName("refused: this machine, private, shared, link-local and metadata, multicast, reserved, "
      + "documentation, IPv4 inside IPv6, names that do not resolve")
  void refused(String url) {
    assertThat(production.refusal(URI.create(url))).as(url).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.215.14/hook", "https://8.8.8.8/", "https://172.32.0.1/",
      "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"})
  @DisplayName("allowed: public IPv4 and IPv6 addresses (just outside the private ranges too)")
  void allowed(String url) {
    assertThat(production.refusal(URI.create(url))).as(url).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8099/hook", "https://[::1]/"})
  @DisplayName("loopback only where configured (the local stack and tests); private ranges stay refused there")
  void loopbackWhenAllowed(String url) {
    assertThat(localStack.refusal(URI.create(url))).as(url).isEmpty();
    assertThat(localStack.refusal(URI.create("https://10.0.0.1/"))).isPresent();
  }
}
