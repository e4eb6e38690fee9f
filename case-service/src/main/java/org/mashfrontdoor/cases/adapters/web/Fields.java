package org.mashfrontdoor.cases.adapters.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;

/**
 * Collects every bad field of a request body before anything is done, so one 400 names them all (enums are read
 * from strings here, not by the JSON parser, for that reason).
 */
final class Fields {

  static final int MAX_TEXT = 2000;
  static final int MAX_NAME = 200;

  private final List<InvalidField> errors = new ArrayList<>();

  Instant instant(String pointer, Instant value) {
    if (value == null) {
      errors.add(new InvalidField(pointer, "is required (an ISO-8601 instant, e.g. 2026-03-06T10:00:00Z)"));
    }
    return value;
  }

  String text(String pointer, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(new InvalidField(pointer, "is required"));
      return null;
    }
    if (value.length() > max) {
      errors.add(new InvalidField(pointer, "is longer than " + max + " characters"));
      return null;
    }
    return value.strip();
  }

  Boolean flag(String pointer, Boolean value) {
    if (value == null) {
      errors.add(new InvalidField(pointer, "is required (true or false)"));
    }
    return value;
  }

  <E extends Enum<E>> E oneOf(String pointer, String value, Class<E> type) {
    if (value != null) {
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value)) {
          return constant;
        }
      }
    }
    errors.add(new InvalidField(pointer, "must be one of " + Arrays.stream(type.getEnumConstants())
        .map(Enum::name).collect(Collectors.joining(", "))));
    return null;
  }

  void add(String pointer, String detail) {
    errors.add(new InvalidField(pointer, detail));
  }

  /** Throws the 400 naming every bad field, if there is any. */
  void check() {
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
  }

  static final class Invalid extends RuntimeException {
    private final List<InvalidField> errors;

    Invalid(List<InvalidField> errors) {
      super("invalid request", null, false, false);
      this.errors = List.copyOf(errors);
    }

    org.springframework.http.ProblemDetail problem() {
      return ProblemResponses.invalid(errors);
    }
  }
}
