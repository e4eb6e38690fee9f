package org.mashfrontdoor.intake.application;

import java.net.URI;
import java.util.Optional;

/**
 * Where a webhook's host resolves, judged: partners' systems are on the public internet, so a host that resolves to
 * this machine, a private or link-local network or a cloud metadata address is refused (server-side request
 * forgery). Asked at registration and again before every delivery (DNS may change in between).
 */
public interface WebhookAddresses {

  /** Why {@code url}'s host may not receive webhooks, in words a partner's developer can act on; empty when it may. */
  Optional<String> refusal(URI url);
}
