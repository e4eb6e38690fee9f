package org.mashfrontdoor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@DisplayName("Requests in flight are bounded")
class InFlightLimitFilterTest {

  final InFlightLimitFilter filter = new InFlightLimitFilter(1);

  @Test
  void over_the_bound_a_caller_gets_503_with_retry_after_at_once_and_a_permit_comes_back_when_a_request_ends()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread busy = Thread.ofVirtual().start(() -> {
      try {
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/triage/queue"), new MockHttpServletResponse(),
            (request, response) -> {
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    await().until(() -> filter.available() == 0);

    MockHttpServletResponse refused = call("/api/v1/triage/queue");
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(call("/actuator/health/liveness").getStatus()).as("probes are never refused").isEqualTo(200);

    release.countDown();
    busy.join();
    assertThat(call("/api/v1/triage/queue").getStatus()).isEqualTo(200);
    assertThat(filter.available()).isEqualTo(1);
  }

  MockHttpServletResponse call(String path) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
    return response;
  }
}
