package io.berth.rest.internal.router.system;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventService;
import io.berth.rest.internal.wire.Json;
import io.berth.rest.internal.wire.SystemWire;

/**
 * Copies events to a client: replays from {@code since}, then live events, one JSON object and a newline per
 * chunk, until {@code until} passes, the client goes away, or the stream is interrupted. The subscription
 * queues events on the event service's thread, so a slow client never blocks it. When the event service is
 * replaced (the engine bundle updated), the pump subscribes to the new one, from just after the last event it
 * sent (or from when the stream began), so the stream goes on without a gap or a repeat; while there is none,
 * it waits.
 */
final class EventPump {

    private static final int MAX_QUEUED = 10_000;
    private static final long IDLE_MILLIS = 100;

    private EventPump() {
    }

    static void pump(EventSource source, Instant since, Instant until, EventFilter filter, OutputStream out,
            BooleanSupplier connected) throws IOException, InterruptedException {
        Instant replayFrom = since != null ? since : until != null ? Instant.EPOCH : null;
        Instant started = Instant.now();
        Instant lastSent = null;
        while (true) {
            EventService events = source.current();
            if (events == null) {
                if (ended(until, connected)) {
                    return;
                }
                Thread.sleep(IDLE_MILLIS);
                continue;
            }
            Instant from = lastSent != null ? lastSent.plusNanos(1) : replayFrom;
            Copied copied = copy(events, source, from, until, filter, out, connected);
            if (copied.lastSent() != null) {
                lastSent = copied.lastSent();
            }
            if (copied.finished()) {
                return;
            }
            if (replayFrom == null) {
                replayFrom = started;
            }
        }
    }

    /** How one subscription ended: the stream is done, or the service changed (then subscribe again). */
    private record Copied(boolean finished, Instant lastSent) {
    }

    private static Copied copy(EventService events, EventSource source, Instant from, Instant until,
            EventFilter filter, OutputStream out, BooleanSupplier connected) throws IOException, InterruptedException {
        BlockingQueue<BerthEvent> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
        Instant lastSent = null;
        try (EventService.Subscription sub = events.subscribe(from, queue::offer)) {
            while (true) {
                BerthEvent e = queue.poll(waitMillis(until), TimeUnit.MILLISECONDS);
                if (e == null) {
                    if (ended(until, connected)) {
                        return new Copied(true, lastSent);
                    }
                    if (source.current() != events) {
                        return new Copied(false, lastSent);
                    }
                    continue;
                }
                if ((until == null || !e.time().isAfter(until)) && filter.matches(e)) {
                    out.write(line(e));
                    lastSent = e.time();
                }
            }
        }
    }

    private static boolean ended(Instant until, BooleanSupplier connected) {
        return until != null && !Instant.now().isBefore(until) || !connected.getAsBoolean();
    }

    /** How long to wait for the next event: until {@code until} at most, and at most half a second. */
    private static long waitMillis(Instant until) {
        long max = 500;
        return until == null ? max : Math.max(0, Math.min(max, until.toEpochMilli() - System.currentTimeMillis()));
    }

    private static byte[] line(BerthEvent e) {
        byte[] json = Json.write(SystemWire.event(e));
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }
}
