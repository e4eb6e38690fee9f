package org.mashfrontdoor.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Audience;
import org.mashfrontdoor.notification.domain.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mash.notify.*} in notification-service.yml: routing as data, channels and clocks. */
@ConfigurationProperties("mash.notify")
record NotifyProperties(
    Duration escalateAfter,
    LocalTime officeOpens,
    LocalTime officeCloses,
    String linkBase,
    Duration streamPoll,
    Duration streamTimeout,
    int streamMaxReaders,
    Duration deliveryPoll,
    Mail mail,
    GovUkNotify govUkNotify,
    Map<AlertType, RouteProperties> routes,
    Map<Audience, RecipientProperties> recipients) {

  record Mail(String host, String from) {
    boolean enabled() {
      return host != null && !host.isBlank();
    }
  }

  record GovUkNotify(String apiKey, String baseUrl, String smsTemplateId) {
    boolean enabled() {
      return apiKey != null && !apiKey.isBlank();
    }
  }

  record RouteProperties(Severity severity, List<Audience> audience) {
  }

  record RecipientProperties(List<String> emails, List<String> phones) {
  }
}
