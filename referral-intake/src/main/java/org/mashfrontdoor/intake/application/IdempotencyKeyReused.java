package org.mashfrontdoor.intake.application;

/** The partner sent an idempotency key again with a different body: a client bug, never a retry. */
public class IdempotencyKeyReused extends RuntimeException {
  public IdempotencyKeyReused() {
    super("idempotency key reused with a different body");
  }
}
