package org.mashfrontdoor.intake.application;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.WebhookSubscription;

/**
 * A partner subscribes its system to its referrals' status changes, looks at its subscription, or ends it. The
 * signing secret is generated here, 256 random bits, and shown to the partner only in the answer to registering.
 */
public class RegisteringWebhook {

  /** The subscription, and whether it replaced an earlier one. */
  public record Registered(WebhookSubscription subscription, boolean replaced) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Webhooks webhooks;
  private final WebhookAddresses addresses;
  private final Clock clock;
  private final boolean allowLoopbackHttp;

  public RegisteringWebhook(Webhooks webhooks, WebhookAddresses addresses, Clock clock, boolean allowLoopbackHttp) {
    this.webhooks = webhooks;
    this.addresses = addresses;
    this.clock = clock;
    this.allowLoopbackHttp = allowLoopbackHttp;
  }

  /**
   * Registers or replaces the partner's webhook with a fresh secret. Changes from now on are notified; a replaced
   * subscription carries on from where the old one was.
   *
   * @throws InvalidWebhookUrl when the URL is not acceptable
   */
  public Registered register(Partner partner, String url) {
    WebhookSubscription.problemWithUrl(url, allowLoopbackHttp)
        .or(() -> addresses.refusal(URI.create(url)))
        .ifPresent(problem -> {
          throw new InvalidWebhookUrl(problem);
        });
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    WebhookSubscription subscription = new WebhookSubscription(partner.id(), URI.create(url),
        HexFormat.of().formatHex(secret), now, now);
    boolean created = webhooks.save(subscription);
    return new Registered(subscription, !created);
  }

  public Optional<WebhookSubscription> view(Partner partner) {
    return webhooks.of(partner.id());
  }

  public boolean remove(Partner partner) {
    return webhooks.remove(partner.id());
  }
}
