package org.mashfrontdoor.notification;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.notification.adapters.channels.NotifyAlertSender;
import org.mashfrontdoor.notification.adapters.channels.ResilientSender;
import org.mashfrontdoor.notification.adapters.channels.SmtpAlertSender;
import org.mashfrontdoor.notification.adapters.clock.ChannelLoop;
import org.mashfrontdoor.notification.adapters.clock.EscalationLoop;
import org.mashfrontdoor.notification.adapters.metrics.MicrometerNotificationMetrics;
import org.mashfrontdoor.notification.adapters.persistence.MongoAlerts;
import org.mashfrontdoor.notification.adapters.persistence.MongoOpenContacts;
import org.mashfrontdoor.notification.adapters.web.AlertStream;
import org.mashfrontdoor.notification.application.AcknowledgingAlert;
import org.mashfrontdoor.notification.application.AlertSender;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.application.DeliveringAlerts;
import org.mashfrontdoor.notification.application.EscalatingAlerts;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor;
import org.mashfrontdoor.notification.application.NotificationMetrics;
import org.mashfrontdoor.notification.application.OpenContacts;
import org.mashfrontdoor.notification.application.RaisingAlerts;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Audience;
import org.mashfrontdoor.notification.domain.Routing;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import uk.gov.service.notify.NotificationClient;

/**
 * Wires the use cases to their adapters: the alert store, routing as data, the live stream, and one delivery loop
 * per enabled channel (email when an SMTP host is set, SMS when a GOV.UK Notify key is set), each channel behind its
 * own Resilience4j circuit breaker, retry, bulkhead and rate limiter, with their states in /actuator/prometheus.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotificationConfiguration {

  @Bean
  Alerts alerts(MongoDatabase database, Clock clock) {
    return new MongoAlerts(database, clock);
  }

  @Bean
  OpenContacts openContacts(MongoDatabase database) {
    return new MongoOpenContacts(database);
  }

  @Bean
  NotificationMetrics notificationMetrics(MeterRegistry registry) {
    return new MicrometerNotificationMetrics(registry);
  }

  /** Addresses only for the channels that are on: an owed delivery nobody would ever try is never recorded. */
  @Bean
  Routing routing(NotifyProperties notify) {
    Map<AlertType, Routing.Route> routes = new EnumMap<>(AlertType.class);
    notify.routes().forEach((type, route) -> routes.put(type, new Routing.Route(route.severity(), route.audience())));
    Map<Audience, Routing.Recipients> recipients = new EnumMap<>(Audience.class);
    if (notify.recipients() != null) {
      notify.recipients().forEach((audience, to) -> recipients.put(audience, new Routing.Recipients(
          notify.mail().enabled() ? to.emails() : List.of(),
          notify.govUkNotify().enabled() ? to.phones() : List.of())));
    }
    return new Routing(routes, recipients, notify.escalateAfter(), WorkingDayCalendar.englandAndWales(),
        notify.officeOpens(), notify.officeCloses());
  }

  @Bean
  AlertStream alertStream(Alerts alerts, Clock clock, NotifyProperties notify, MeterRegistry registry) {
    AlertStream stream = new AlertStream(alerts, clock, notify.streamPoll(), notify.streamTimeout(),
        notify.streamMaxReaders());
    Gauge.builder("mash.alert.stream.readers", stream, AlertStream::readers)
        .description("Readers connected to the live alert stream").register(registry);
    return stream;
  }

  @Bean
  RaisingAlerts raisingAlerts(Alerts alerts, Routing routing, Clock clock, NotificationMetrics metrics,
      AlertStream stream) {
    return new RaisingAlerts(alerts, routing, clock, metrics, stream);
  }

  @Bean
  FollowingTheFrontDoor followingTheFrontDoor(RaisingAlerts raising, OpenContacts openContacts) {
    return new FollowingTheFrontDoor(raising, openContacts);
  }

  @Bean
  AcknowledgingAlert acknowledgingAlert(Alerts alerts, Clock clock, NotificationMetrics metrics) {
    return new AcknowledgingAlert(alerts, clock, metrics);
  }

  @Bean
  EscalationLoop escalationLoop(Alerts alerts, Routing routing, Clock clock, NotificationMetrics metrics,
      AlertStream stream, NotifyProperties notify) {
    return new EscalationLoop(new EscalatingAlerts(alerts, routing, clock, metrics, stream), notify.deliveryPoll());
  }

  @Bean
  ChannelsOut channelsOut(NotifyProperties notify, ObjectProvider<JavaMailSender> mail, Alerts alerts, Clock clock,
      NotificationMetrics metrics, MeterRegistry registry) {
    CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(10)).permittedNumberOfCallsInHalfOpenState(2).build());
    RetryRegistry retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(2)
        .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.5))
        .retryExceptions(AlertSender.NotSent.class).build());
    BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(4)
        .maxWaitDuration(Duration.ZERO).build());
    RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom().limitForPeriod(20)
        .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(1)).build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
    TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
    TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(registry);

    List<AlertSender> senders = new ArrayList<>();
    if (notify.mail().enabled()) {
      senders.add(new SmtpAlertSender(mail.getObject(), notify.mail().from(), notify.linkBase()));
    }
    if (notify.govUkNotify().enabled()) {
      senders.add(new NotifyAlertSender(new NotificationClient(notify.govUkNotify().apiKey(),
          notify.govUkNotify().baseUrl()), notify.govUkNotify().smsTemplateId(), notify.linkBase()));
    }
    List<ChannelLoop> loops = new ArrayList<>();
    for (AlertSender sender : senders) {
      String name = sender.channel().name().toLowerCase();
      AlertSender resilient = new ResilientSender(sender, breakers.circuitBreaker(name), retries.retry(name),
          bulkheads.bulkhead(name), limiters.rateLimiter(name));
      loops.add(new ChannelLoop("alert-" + name, new DeliveringAlerts(alerts, resilient, clock, metrics),
          notify.deliveryPoll()));
    }
    return new ChannelsOut(loops);
  }

  /** The delivery loops of the enabled channels, started and stopped with the application. */
  record ChannelsOut(List<ChannelLoop> loops) implements org.springframework.context.SmartLifecycle {
    @Override
    public void start() {
      loops.forEach(ChannelLoop::start);
    }

    @Override
    public void stop() {
      loops.forEach(ChannelLoop::stop);
    }

    @Override
    public boolean isRunning() {
      return loops.stream().anyMatch(ChannelLoop::isRunning);
    }
  }
}
