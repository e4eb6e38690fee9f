package org.mashfrontdoor.platform.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock a test moves by hand, or one that moves on by a fixed step at every reading. */
public class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final Duration stepPerReading;

  public MutableClock(Instant start) {
    this(start, Duration.ZERO);
  }

  private MutableClock(Instant start, Duration stepPerReading) {
    this.now = new AtomicReference<>(start);
    this.stepPerReading = stepPerReading;
  }

  /** Each reading is {@code step} later than the one before; the first is {@code start + step}. */
  public static MutableClock steppingBy(Instant start, Duration step) {
    return new MutableClock(start, step);
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  public void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return stepPerReading.isZero() ? now.get() : now.updateAndGet(t -> t.plus(stepPerReading));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
