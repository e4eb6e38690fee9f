package org.mashfrontdoor.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, in the list's order, and how many items the whole list holds. */
public record Page<T>(List<T> items, long total) {

  public Page {
    items = List.copyOf(items);
  }

  /** The part of {@code all} that {@code window} shows (empty past the end). */
  public static <T> Page<T> of(List<T> all, PageWindow window) {
    int from = (int) Math.min(window.offset(), all.size());
    int to = (int) Math.min(all.size(), (long) window.offset() + window.limit());
    return new Page<>(all.subList(from, to), all.size());
  }

  public <U> Page<U> map(Function<? super T, ? extends U> mapping) {
    return new Page<>(items.stream().<U>map(mapping).toList(), total);
  }
}
