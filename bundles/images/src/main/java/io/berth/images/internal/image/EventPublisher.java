package io.berth.images.internal.image;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventService;

/**
 * Publishes {@code image} events ({@code import}, {@code load}, {@code tag}, {@code untag}, {@code delete}) to
 * the event service when one is present. A missing or failing event service never fails an image operation.
 * Thread-safe.
 */
final class EventPublisher {

    static final String TYPE = "image";
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final Supplier<EventService> service;
    private final Clock clock;

    EventPublisher(Supplier<EventService> service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** Publishes one event; {@code name} becomes the {@code name} attribute, as in Docker. */
    void publish(String action, String imageId, String name) {
        EventService events = service.get();
        if (events == null) {
            return;
        }
        try {
            events.publish(new BerthEvent(TYPE, action, imageId, Map.of("name", name), clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not publish image {} event for {}: {}", action, imageId, e.getMessage());
        }
    }
}
