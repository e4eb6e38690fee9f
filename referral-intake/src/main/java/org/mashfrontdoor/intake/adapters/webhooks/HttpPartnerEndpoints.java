package org.mashfrontdoor.intake.adapters.webhooks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.mashfrontdoor.intake.application.PartnerEndpoints;
import org.mashfrontdoor.intake.application.WebhookAddresses;
import org.mashfrontdoor.intake.domain.StatusNotification;
import org.mashfrontdoor.intake.domain.WebhookSubscription;

/**
 * POSTs notifications with the JDK HTTP client: short timeouts, no redirects (a webhook that moved must be
 * registered again, and a redirect must not take a signed payload elsewhere). Any 2xx is delivered; anything else
 * is retried later. The response body is never read.
 */
class HttpPartnerEndpoints implements PartnerEndpoints {

  static final String SIGNATURE = "X-MASH-Signature";
  static final String DELIVERY = "X-MASH-Delivery";
  static final String TIMESTAMP = "X-MASH-Timestamp";

  private final HttpClient http;
  private final Duration requestTimeout;
  private final Clock clock;
  private final WebhookAddresses addresses;

  HttpPartnerEndpoints(Duration connectTimeout, Duration requestTimeout, Clock clock, WebhookAddresses addresses) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
    this.requestTimeout = requestTimeout;
    this.clock = clock;
    this.addresses = addresses;
  }

  @Override
  public Result post(WebhookSubscription to, StatusNotification notification) {
    // Again at every send: the host may resolve elsewhere since it was registered (DNS rebinding).
    var refused = addresses.refusal(to.url());
    if (refused.isPresent()) {
      return new Result(false, "refused: host " + refused.get());
    }
    byte[] body = WebhookPayload.of(notification).body();
    String timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    HttpRequest request = HttpRequest.newBuilder(to.url())
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "MASH-Front-Door-Webhooks/1")
        .header(SIGNATURE, WebhookPayload.signature(to.secret(), timestamp, body))
        .header(DELIVERY, notification.deliveryId())
        .header(TIMESTAMP, timestamp)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300 ? new Result(true, null) : new Result(false, "HTTP " + status);
    } catch (IOException e) {
      return new Result(false, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    }
  }
}
