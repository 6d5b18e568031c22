package io.berth.core.internal.events;

import java.time.Instant;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventListener;
import io.berth.api.event.EventService;
import io.berth.api.event.EventTopics;

/**
 * The {@link EventService}: an {@link EventBus} with the last {@value #HISTORY} events, forwarding every event
 * to EventAdmin ({@code postEvent}, topic {@code io/berth/<type>/<action>}) when one is present. EventAdmin is
 * optional and dynamic: without it events still reach the subscribers.
 */
@Component(name = "io.berth.core.events", service = EventService.class, immediate = true,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public class EventServiceComponent implements EventService {

    static final int HISTORY = 1000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private final EventBus bus = new EventBus(HISTORY, this::forward);

    @Deactivate
    void deactivate() {
        bus.close();
    }

    @Override
    public void publish(BerthEvent event) {
        bus.publish(event);
    }

    @Override
    public Subscription subscribe(Instant since, EventListener listener) {
        return bus.subscribe(since, listener);
    }

    private void forward(BerthEvent event) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topicOf(event), Map.of(
                    EventTopics.EVENT_PROPERTY, event, "type", event.type(), "action", event.action(),
                    "id", event.actorId() == null ? "" : event.actorId())));
        }
    }

    /**
     * The EventAdmin topic: {@code io/berth/<type>/<action>}, where an action that carries text after a colon
     * (Docker's {@code exec_create: ls -l}) is cut at the colon, so that the topic stays valid.
     */
    static String topicOf(BerthEvent event) {
        String action = event.action();
        int colon = action.indexOf(':');
        String base = colon < 0 ? action : action.substring(0, colon);
        return EventTopics.topic(event.type(), base.replaceAll("[^A-Za-z0-9_-]", "_"));
    }
}
