package org.mashfrontdoor.platform.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * Which part of a list a caller sees: {@code offset} items in, at most {@code limit}. Every list an API serves has
 * a largest page, so that no list grows into an answer too long to give quickly.
 */
public record PageWindow(int offset, int limit) {

  public static final String OFFSET = "offset";
  public static final String LIMIT = "limit";

  public PageWindow {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("a page starts at 0 or later and holds at least one item");
    }
  }

  /** What a caller asked for, checked against the list's largest page; a bad request names every bad parameter. */
  public static PageWindow checked(int offset, int limit, int largestPage) {
    List<OutOfRange.Parameter> bad = new ArrayList<>();
    if (offset < 0) {
      bad.add(new OutOfRange.Parameter(OFFSET, "must be 0 or more"));
    }
    if (limit < 1 || limit > largestPage) {
      bad.add(new OutOfRange.Parameter(LIMIT, "must be 1 to " + largestPage));
    }
    if (!bad.isEmpty()) {
      throw new OutOfRange(bad);
    }
    return new PageWindow(offset, limit);
  }

  /**
   * The same check for a list paged by number ({@code page} from 0, {@code size} items each): every bad parameter,
   * none when both are good, for a caller that reports them with its other bad parameters.
   */
  public static List<OutOfRange.Parameter> numberedPageProblems(int page, int size, int largestPage) {
    List<OutOfRange.Parameter> bad = new ArrayList<>();
    if (page < 0) {
      bad.add(new OutOfRange.Parameter("page", "must be 0 or more"));
    }
    if (size < 1 || size > largestPage) {
      bad.add(new OutOfRange.Parameter("size", "must be 1 to " + largestPage));
    }
    return bad;
  }

  /** A page asked for outside what the list allows (platform's problem responses answer it with a 400). */
  public static final class OutOfRange extends RuntimeException {

    /** One bad query parameter and what it must be. */
    public record Parameter(String name, String detail) {
    }

    private final List<Parameter> parameters;

    OutOfRange(List<Parameter> parameters) {
      super("page out of range", null, false, false);
      this.parameters = List.copyOf(parameters);
    }

    public List<Parameter> parameters() {
      return parameters;
    }
  }
}
