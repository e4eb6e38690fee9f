package org.mashfrontdoor.platform.events;

/** An event that can never be handled, however often it is retried: it goes straight to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
  public MalformedEventException(String message) {
    super(message);
  }
}
