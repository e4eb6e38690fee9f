package org.mashfrontdoor.platform.web;

import org.springframework.http.ResponseEntity;

/** A page of a list as every API answers it: the page in the body, the whole list's length in a header. */
public final class PagedResponses {

  public static final String TOTAL_COUNT = "X-Total-Count";

  private PagedResponses() {
  }

  public static <T> ResponseEntity<T> ok(T page, long total) {
    return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(total)).body(page);
  }
}
