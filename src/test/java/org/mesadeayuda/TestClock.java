package org.mesadeayuda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, for the parts of the application that take a {@link Clock} (outbox, intake). */
public final class TestClock extends Clock {

  private Instant now;

  public TestClock(Instant now) {
    this.now = now;
  }

  public void move(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
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
