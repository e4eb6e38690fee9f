package org.mashfrontdoor.notification.adapters.channels;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import org.mashfrontdoor.notification.application.AlertSender;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.Channel;
import org.mashfrontdoor.notification.domain.Delivery;

/**
 * A channel behind Resilience4j: a rate limiter (don't flood the provider), a bulkhead (a slow provider holds at
 * most a few threads), a circuit breaker (a dead provider is not called until it may have recovered) and a short
 * retry with exponential backoff and jitter (a blip is ridden out). What still fails goes back to the delivery
 * ledger, which tries again later: nothing is lost while the breaker is open.
 */
public final class ResilientSender implements AlertSender {

  private final AlertSender channel;
  private final CircuitBreaker breaker;
  private final Retry retry;
  private final Bulkhead bulkhead;
  private final RateLimiter rateLimiter;

  public ResilientSender(AlertSender channel, CircuitBreaker breaker, Retry retry, Bulkhead bulkhead,
      RateLimiter rateLimiter) {
    this.channel = channel;
    this.breaker = breaker;
    this.retry = retry;
    this.bulkhead = bulkhead;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public Channel channel() {
    return channel.channel();
  }

  @Override
  public void send(Alert alert, Delivery delivery) throws NotSent {
    CheckedRunnable call = () -> channel.send(alert, delivery);
    CheckedRunnable guarded = Retry.decorateCheckedRunnable(retry,
        CircuitBreaker.decorateCheckedRunnable(breaker,
            Bulkhead.decorateCheckedRunnable(bulkhead,
                RateLimiter.decorateCheckedRunnable(rateLimiter, call))));
    try {
      guarded.run();
    } catch (NotSent e) {
      throw e;
    } catch (CallNotPermittedException e) {
      throw new NotSent(channel() + ": circuit open", e);
    } catch (BulkheadFullException e) {
      throw new NotSent(channel() + ": bulkhead full", e);
    } catch (RequestNotPermitted e) {
      throw new NotSent(channel() + ": rate limited", e);
    } catch (Throwable e) {
      throw new NotSent(channel() + ": " + e.getClass().getSimpleName(), e);
    }
  }
}
