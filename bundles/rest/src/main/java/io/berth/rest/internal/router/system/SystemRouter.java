package io.berth.rest.internal.router.system;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.event.EventService;
import io.berth.api.system.SystemService;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.ApiVersion;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.Filters;
import io.berth.rest.internal.wire.SystemWire;
import io.berth.rest.internal.wire.Times;

/** The engine as a whole: ping, version, info, events. */
@Component(service = Router.class)
public class SystemRouter implements Router {

    private final SystemService system;
    private final EventService events;

    @Activate
    public SystemRouter(@Reference SystemService system, @Reference EventService events) {
        this.system = system;
        this.events = events;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                // GET
                Route.get("/_ping", this::getPing),
                Route.get("/version", this::getVersion),
                Route.get("/info", this::getInfo),
                Route.get("/events", this::getEvents),
                // HEAD
                Route.head("/_ping", this::headPing));
    }

    void getPing(ApiExchange ex) {
        pingHeaders(ex);
        ex.text(200, "OK");
    }

    void headPing(ApiExchange ex) {
        pingHeaders(ex);
        ex.empty(200);
    }

    private static void pingHeaders(ApiExchange ex) {
        ex.setHeader("Cache-Control", "no-cache, no-store, must-revalidate");
        ex.setHeader("Pragma", "no-cache");
        ex.setHeader("Builder-Version", "1");
    }

    void getVersion(ApiExchange ex) {
        ex.json(200, SystemWire.version(system.info(), ApiVersion.MAX.toString(), ApiVersion.MIN.toString()));
    }

    void getInfo(ApiExchange ex) {
        ex.json(200, SystemWire.info(system.info()));
    }

    void getEvents(ApiExchange ex) throws Exception {
        EventFilter filter = new EventFilter(Filters.parse(ex.query().get("filters"), EventFilter.KEYS));
        Instant since = Times.parse("since", ex.query().get("since"));
        Instant until = Times.parse("until", ex.query().get("until"));
        try (OutputStream out = ex.stream(200, ApiExchange.JSON)) {
            EventPump.pump(events, since, until, filter, out, ex::clientConnected);
        }
    }
}
