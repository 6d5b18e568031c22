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
 * queues events on the event service's thread, so a slow client never blocks it.
 */
final class EventPump {

    private static final int MAX_QUEUED = 10_000;

    private EventPump() {
    }

    static void pump(EventService events, Instant since, Instant until, EventFilter filter, OutputStream out,
            BooleanSupplier connected) throws IOException, InterruptedException {
        BlockingQueue<BerthEvent> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
        Instant replayFrom = since != null ? since : until != null ? Instant.EPOCH : null;
        try (EventService.Subscription sub = events.subscribe(replayFrom, queue::offer)) {
            while (true) {
                BerthEvent e = queue.poll(waitMillis(until), TimeUnit.MILLISECONDS);
                if (e == null) {
                    if (until != null && !Instant.now().isBefore(until) || !connected.getAsBoolean()) {
                        return;
                    }
                    continue;
                }
                if ((until == null || !e.time().isAfter(until)) && filter.matches(e)) {
                    out.write(line(e));
                }
            }
        }
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
