package org.mashfrontdoor.cases.domain;

/** A step the practitioner's role may not take (answered 403). */
public final class NotPermitted extends RuntimeException {

  public NotPermitted(Practitioner practitioner, String step) {
    super("The role " + practitioner.role() + " may not " + step + ".");
  }
}
