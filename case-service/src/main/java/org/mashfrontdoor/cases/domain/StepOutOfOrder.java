package org.mashfrontdoor.cases.domain;

/** A step the case is not ready for, or past (answered 409). */
public final class StepOutOfOrder extends RuntimeException {

  public StepOutOfOrder(String message) {
    super(message);
  }
}
