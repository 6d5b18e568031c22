package io.berth.api.event;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/** Publishes events and lets front ends subscribe to them. Thread-safe. */
@ProviderType
public interface EventService {

    /** Records and delivers an event to every subscriber and to EventAdmin. */
    void publish(BerthEvent event);

    /**
     * Subscribes a listener. Recent events at or after {@code since} (kept in a bounded history) are
     * delivered first, then new ones as they happen.
     *
     * @param since replay from this time; {@code null} for no replay
     * @return closing it ends the subscription
     */
    Subscription subscribe(Instant since, EventListener listener);

    /** An active subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
