package io.berth.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives events, in order, on a thread of the event service. Must not block for long. */
@ConsumerType
@FunctionalInterface
public interface EventListener {

    void onEvent(BerthEvent event);
}
