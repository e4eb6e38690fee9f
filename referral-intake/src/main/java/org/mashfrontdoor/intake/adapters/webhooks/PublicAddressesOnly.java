package org.mashfrontdoor.intake.adapters.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mashfrontdoor.intake.application.WebhookAddresses;

/**
 * Resolves a webhook's host and refuses it unless every address is public: not loopback, unspecified, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local (169.254/16 with the cloud metadata
 * address, fe80::/10), multicast, benchmarking, documentation or reserved ranges, nor an IPv4 address embedded in
 * IPv6. Loopback is allowed only by explicit configuration (the local stack and tests).
 *
 * <p>Checked just before each delivery; the JDK client then resolves the host again from the JVM's DNS cache
 * (30 s by default), so a rebinding attacker has only the gap between the two lookups when the entry expires in
 * it. Connecting to the checked address itself would break TLS host verification.
 */
final class PublicAddressesOnly implements WebhookAddresses {

  private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata");

  private final boolean allowLoopback;

  PublicAddressesOnly(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  @Override
  public Optional<String> refusal(URI url) {
    String host = url.getHost();
    if (host == null) {
      return Optional.of("must have a host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (METADATA_HOSTS.contains(bare.toLowerCase(Locale.ROOT))) {
      return Optional.of("must not point at a cloud metadata service");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException | SecurityException e) {
      return Optional.of("has a host name that does not resolve");
    }
    for (InetAddress address : addresses) {
      if (address.isLoopbackAddress() && allowLoopback) {
        continue;
      }
      if (!isPublic(address)) {
        return Optional.of("must resolve to public internet addresses only (not this machine, a private, "
            + "link-local or metadata address)");
      }
    }
    return Optional.empty();
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
        return false; // 2001:db8::/32 documentation
      }
      boolean leadingZeros = true;
      for (int i = 0; i < 10; i++) {
        leadingZeros &= b[i] == 0;
      }
      if (leadingZeros && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
        // ::a.b.c.d and ::ffff:a.b.c.d carry an IPv4 address: judge that
        return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x02) {
        return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16
      }
      if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // NAT64 64:ff9b::/96
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a = b[0] & 0xff;
    int c = b[1] & 0xff;
    return !(a == 0 || a == 10 || a == 127 || a >= 224
        || (a == 100 && c >= 64 && c <= 127)
        || (a == 169 && c == 254)
        || (a == 172 && c >= 16 && c <= 31)
        || (a == 192 && c == 168)
        || (a == 192 && c == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
        || (a == 192 && c == 0 && (b[2] & 0xff) == 2) // documentation
        || (a == 198 && (c == 18 || c == 19)) // benchmarking
        || (a == 198 && c == 51 && (b[2] & 0xff) == 100)
        || (a == 203 && c == 0 && (b[2] & 0xff) == 113));
  }
}
