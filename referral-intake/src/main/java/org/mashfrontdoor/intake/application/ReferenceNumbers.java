package org.mashfrontdoor.intake.application;

/** Port: hands out the next reference sequence number for a year, never the same one twice. */
public interface ReferenceNumbers {
  long next(int year);
}
