package io.berth.rest.internal.router.system;

import java.util.concurrent.atomic.AtomicReference;

import io.berth.api.event.EventService;

/** The event service bound now, or {@code null} while the engine is away (updated). Thread-safe. */
final class EventSource {

    private final AtomicReference<EventService> current = new AtomicReference<>();

    void set(EventService events) {
        current.set(events);
    }

    /** Clears the service unless another one has been bound since. */
    void clear(EventService events) {
        current.compareAndSet(events, null);
    }

    EventService current() {
        return current.get();
    }
}
