package io.berth.rest.internal.router.exec;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecService;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.MuxOutput;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.ExecBodies;

/**
 * {@code docker exec}: create a session, start it (hijacked stream, or detached), inspect it, resize it. The
 * process is started before the protocol switch, so a failure to start is an ordinary HTTP error.
 */
@Component(service = Router.class)
public class ExecRouter implements Router {

    private final ExecService execs;

    @Activate
    public ExecRouter(@Reference ExecService execs) {
        this.execs = execs;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                // GET
                Route.get("/exec/{id}/json", this::getExecJson),
                // POST
                Route.post("/containers/{id}/exec", this::postContainerExec),
                Route.post("/exec/{id}/start", this::postExecStart),
                Route.post("/exec/{id}/resize", this::postExecResize));
    }

    void postContainerExec(ApiExchange ex) throws Exception {
        ExecBodies.CreateExec body = ex.body(ExecBodies.CreateExec.class);
        if (body == null) {
            throw new io.berth.api.error.InvalidArgumentException("No exec command specified");
        }
        ex.json(201, Map.of("Id", execs.create(ex.param("id"), body.toSpec())));
    }

    void postExecStart(ApiExchange ex) throws Exception {
        ExecBodies.StartExec body = ex.body(ExecBodies.StartExec.class);
        ExecInfo exec = execs.inspect(ex.param("id"));
        execs.start(exec.id());
        if (body != null && Boolean.TRUE.equals(body.detach())) {
            ex.empty(200);
            return;
        }
        ex.hijack(MuxOutput.contentType(ex.version(), exec.spec().tty()), new ExecSession(execs, exec));
    }

    void getExecJson(ApiExchange ex) {
        ex.json(200, ExecBodies.inspect(execs.inspect(ex.param("id"))));
    }

    /** Sets the size of the session's terminal; waits (up to ten seconds) for a start under way. */
    void postExecResize(ApiExchange ex) {
        execs.resize(ex.param("id"), ex.query().required("h"), ex.query().required("w"));
        ex.empty(200);
    }
}
