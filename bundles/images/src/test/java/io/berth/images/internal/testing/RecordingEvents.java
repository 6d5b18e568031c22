package io.berth.images.internal.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventListener;
import io.berth.api.event.EventService;

/** An event service that only records what is published. */
public final class RecordingEvents implements EventService {

    private final List<BerthEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(BerthEvent event) {
        events.add(event);
    }

    @Override
    public Subscription subscribe(Instant since, EventListener listener) {
        throw new UnsupportedOperationException();
    }

    public List<BerthEvent> events() {
        return List.copyOf(events);
    }

    /** "action name" pairs, e.g. "tag busybox:latest". */
    public List<String> summary() {
        return events.stream().map(e -> e.action() + " " + e.attributes().get("name")).toList();
    }

    public void clear() {
        events.clear();
    }
}
