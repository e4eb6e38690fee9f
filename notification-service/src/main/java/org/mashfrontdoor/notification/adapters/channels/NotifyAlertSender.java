package org.mashfrontdoor.notification.adapters.channels;

import java.util.Map;
import org.mashfrontdoor.notification.application.AlertSender;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.Channel;
import org.mashfrontdoor.notification.domain.Delivery;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * SMS to on-call staff through GOV.UK Notify (the official client). The template's personalisation carries the
 * summary and a link only; the alert id is the Notify reference, to trace a message back.
 */
public final class NotifyAlertSender implements AlertSender {

  private final NotificationClient client;
  private final String smsTemplateId;
  private final String linkBase;

  public NotifyAlertSender(NotificationClient client, String smsTemplateId, String linkBase) {
    this.client = client;
    this.smsTemplateId = smsTemplateId;
    this.linkBase = linkBase;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public void send(Alert alert, Delivery delivery) throws NotSent {
    try {
      client.sendSms(smsTemplateId, delivery.recipient(), Map.of(
          "summary", alert.summary().lines().findFirst().orElse(alert.type().name()),
          "link", linkBase + "/api/v1/alerts/" + alert.alertId()), alert.alertId());
    } catch (NotificationClientException e) {
      throw new NotSent("GOV.UK Notify: HTTP " + e.getHttpResult(), e);
    } catch (RuntimeException e) {
      throw new NotSent("GOV.UK Notify: " + e.getClass().getSimpleName(), e);
    }
  }
}
