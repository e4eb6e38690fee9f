package org.mashfrontdoor.intake.adapters.webhooks;

import org.mashfrontdoor.intake.domain.WhatFollowsTheDecision;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mashfrontdoor.intake.domain.StatusNotification;
import org.mashfrontdoor.platform.events.EventJson;

/**
 * The JSON a partner's webhook receives (docs/webhooks.md), and its signature. No personal data about the child; the
 * decision's delivery carries the advice the MASH wrote for the referrer.
 */
record WebhookPayload(String deliveryId, String type, String referralId, String reference, String status,
    String milestone, Instant at, String outcome, String whatHappensNext, String whatYouStillOwn, String pathway,
    String adviceToReferrer) {

  static final String TYPE = "referral.status-changed.v1";

  static WebhookPayload of(StatusNotification n) {
    return new WebhookPayload(n.deliveryId(), TYPE, n.referralId(), n.reference(), n.status().name(),
        n.milestone().name(), n.at(), n.outcome() == null ? null : n.outcome().name(),
        n.outcome() == null ? null : WhatFollowsTheDecision.of(n.outcome()).whatHappensNext(),
        n.outcome() == null ? null : WhatFollowsTheDecision.of(n.outcome()).whatYouStillOwn(), n.pathway(),
        n.adviceToReferrer());
  }

  byte[] body() {
    return EventJson.mapper().writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code sha256=} and the hex HMAC-SHA256, under the partner's secret, of the timestamp header's value, a full
   * stop and the raw body: the timestamp is signed too, so a receiver that refuses old timestamps refuses replays.
   */
  static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
