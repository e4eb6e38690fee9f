package org.mashfrontdoor.cases.domain;

/** A step whose content breaks a rule of the field (answered 400 naming the field by JSON Pointer). */
public final class InvalidStep extends RuntimeException {

  private final String pointer;

  public InvalidStep(String pointer, String message) {
    super(message);
    this.pointer = pointer;
  }

  /** The JSON Pointer of the field at fault, e.g. {@code /participants}. */
  public String pointer() {
    return pointer;
  }
}
