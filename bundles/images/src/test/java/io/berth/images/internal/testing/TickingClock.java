package io.berth.images.internal.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one second forward on every read, so consecutive imports get distinct ids. */
public final class TickingClock extends Clock {

    public static final Instant START = Instant.parse("2024-03-04T05:06:07.123456789Z");
    private final AtomicLong reads = new AtomicLong();

    @Override
    public Instant instant() {
        return START.plusSeconds(reads.getAndIncrement());
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
