package io.berth.rest.internal.router.system;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.system.SystemService;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.ApiVersion;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.SystemWire;

/** The engine as a whole: ping, version, info ({@link EventsRouter} serves the events). */
@Component(service = Router.class)
public class SystemRouter implements Router {

    private final SystemService system;

    @Activate
    public SystemRouter(@Reference SystemService system) {
        this.system = system;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                // GET
                Route.get("/_ping", this::getPing),
                Route.get("/version", this::getVersion),
                Route.get("/info", this::getInfo),
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
}
