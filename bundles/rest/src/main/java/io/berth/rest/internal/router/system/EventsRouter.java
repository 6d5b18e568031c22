package io.berth.rest.internal.router.system;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.berth.api.event.EventService;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.Filters;
import io.berth.rest.internal.wire.Times;

/**
 * {@code GET /events}. Binds the event service dynamically, so an open stream outlives an update of the engine
 * bundle: it waits while no event service is there and continues with the next one ({@link EventPump}).
 */
@Component(service = Router.class)
public class EventsRouter implements Router {

    private final EventSource source = new EventSource();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindEvents")
    public void bindEvents(EventService events) {
        source.set(events);
    }

    public void unbindEvents(EventService events) {
        source.clear(events);
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/events", this::getEvents));
    }

    void getEvents(ApiExchange ex) throws Exception {
        EventFilter filter = new EventFilter(Filters.parse(ex.query().get("filters"), EventFilter.KEYS));
        Instant since = Times.parse("since", ex.query().get("since"));
        Instant until = Times.parse("until", ex.query().get("until"));
        try (OutputStream out = ex.stream(200, ApiExchange.JSON)) {
            EventPump.pump(source, since, until, filter, out, ex::clientConnected);
        }
    }
}
