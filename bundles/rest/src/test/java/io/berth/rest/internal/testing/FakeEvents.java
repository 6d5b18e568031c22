package io.berth.rest.internal.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventListener;
import io.berth.api.event.EventService;

/** An in-memory event service: keeps every event, replays from {@code since}, delivers synchronously. */
public final class FakeEvents implements EventService {

    private final List<BerthEvent> history = new CopyOnWriteArrayList<>();
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void publish(BerthEvent event) {
        history.add(event);
        listeners.forEach(l -> l.onEvent(event));
    }

    @Override
    public synchronized Subscription subscribe(Instant since, EventListener listener) {
        if (since != null) {
            history.stream().filter(e -> !e.time().isBefore(since)).forEach(listener::onEvent);
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int subscribers() {
        return listeners.size();
    }
}
