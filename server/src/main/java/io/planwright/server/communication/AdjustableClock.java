package io.planwright.server.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock the communication plan runs by: the system's, moved by an offset that tests and demonstrations
 * set (planwright.clock at start, {@link #moveTo} later), so that an item falls due without waiting for it.
 */
public final class AdjustableClock extends Clock {

    private volatile Duration offset;

    public AdjustableClock(Instant startAt) {
        this.offset = startAt == null ? Duration.ZERO : Duration.between(Instant.now(), startAt);
    }

    /** From now on the clock reads {@code at}, and runs on from there. */
    public void moveTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
