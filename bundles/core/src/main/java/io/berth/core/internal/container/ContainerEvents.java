package io.berth.core.internal.container;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventService;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Publishes container events the way Docker describes them: type {@code container}, the container id as
 * actor, its labels plus {@code name} and {@code image} as attributes. Thread-safe.
 */
final class ContainerEvents {

    static final String TYPE = "container";

    private final EventService events;

    ContainerEvents(EventService events) {
        this.events = events;
    }

    void publish(ContainerRecord record, String action) {
        publish(record, action, Map.of());
    }

    void publish(ContainerRecord record, String action, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>(record.spec().labels());
        attributes.put("name", record.name());
        attributes.put("image", record.image());
        attributes.putAll(extra);
        events.publish(new BerthEvent(TYPE, action, record.id(), attributes, Instant.now()));
    }
}
