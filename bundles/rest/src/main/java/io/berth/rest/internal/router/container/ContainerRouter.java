package io.berth.rest.internal.router.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.CreateResult;
import io.berth.api.container.TopResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.rest.internal.http.ApiExchange;
import io.berth.rest.internal.http.Route;
import io.berth.rest.internal.http.Router;
import io.berth.rest.internal.wire.ContainerSpecs;
import io.berth.rest.internal.wire.ContainerWire;
import io.berth.rest.internal.wire.CreateBody;

/**
 * {@code /containers}: create, list, inspect, the lifecycle verbs, top, rename and prune. The streaming
 * endpoints (logs, wait, stats, attach) are served through {@link ContainerStreams}.
 */
@Component(service = Router.class)
public class ContainerRouter implements Router {

    private static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final ContainerService containers;
    private final ContainerStreams streams;

    @Activate
    public ContainerRouter(@Reference ContainerService containers) {
        this.containers = containers;
        this.streams = new ContainerStreams(containers);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                // GET
                Route.get("/containers/json", this::getContainersJson),
                Route.get("/containers/{id}/json", this::getContainerJson),
                Route.get("/containers/{id}/logs", streams::getContainerLogs),
                Route.get("/containers/{id}/top", this::getContainerTop),
                Route.get("/containers/{id}/stats", streams::getContainerStats),
                // POST
                Route.post("/containers/create", this::postContainersCreate),
                Route.post("/containers/prune", this::postContainersPrune),
                Route.post("/containers/{id}/start", this::postContainerStart),
                Route.post("/containers/{id}/stop", this::postContainerStop),
                Route.post("/containers/{id}/restart", this::postContainerRestart),
                Route.post("/containers/{id}/kill", this::postContainerKill),
                Route.post("/containers/{id}/wait", streams::postContainerWait),
                Route.post("/containers/{id}/rename", this::postContainerRename),
                Route.post("/containers/{id}/pause", this::postContainerPause),
                Route.post("/containers/{id}/unpause", this::postContainerUnpause),
                Route.post("/containers/{id}/resize", this::postContainerResize),
                Route.post("/containers/{id}/attach", streams::postContainerAttach),
                // DELETE
                Route.delete("/containers/{id}", this::deleteContainer));
    }

    void getContainersJson(ApiExchange ex) {
        ContainerListQuery q = ContainerListQuery.parse(ex.query());
        Instant now = Instant.now();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ContainerInfo c : q.apply(containers.list(q.filter()))) {
            rows.add(ContainerWire.summary(c, q.size(), now));
        }
        ex.json(200, rows);
    }

    void getContainerJson(ApiExchange ex) {
        ex.json(200, ContainerWire.inspect(containers.inspect(ex.param("id"))));
    }

    void getContainerTop(ApiExchange ex) {
        TopResult top = containers.top(ex.param("id"));
        ex.json(200, Map.of("Titles", top.titles(), "Processes", top.processes()));
    }

    void postContainersCreate(ApiExchange ex) throws Exception {
        CreateBody body = ex.body(CreateBody.class);
        String name = ex.query().get("name");
        if (name != null && !name.isEmpty() && !NAME.matcher(name).matches()) {
            throw new InvalidArgumentException("Invalid container name (" + name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        CreateResult r = containers.create(ContainerSpecs.from(body), name);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("Id", r.id());
        created.put("Warnings", r.warnings());
        ex.json(201, created);
    }

    void postContainersPrune(ApiExchange ex) {
        List<String> deleted = new ArrayList<>();
        ContainerFilter stopped = new ContainerFilter(true,
                java.util.Set.of(ContainerStatus.CREATED, ContainerStatus.EXITED, ContainerStatus.DEAD),
                null, null, null, null);
        for (ContainerInfo c : containers.list(stopped)) {
            try {
                containers.remove(c.id(), false, false);
                deleted.add(c.id());
            } catch (BerthException e) {
                // started or removed meanwhile: not pruned
            }
        }
        ex.json(200, Map.of("ContainersDeleted", deleted, "SpaceReclaimed", 0));
    }

    /** Starts a container; the engine removes an auto-remove container that cannot start, as dockerd does. */
    void postContainerStart(ApiExchange ex) {
        containers.start(ex.param("id"));
        ex.empty(204);
    }

    void postContainerStop(ApiExchange ex) {
        containers.stop(ex.param("id"), ex.query().integer("t"), emptyToNull(ex.query().get("signal")));
        ex.empty(204);
    }

    void postContainerRestart(ApiExchange ex) {
        containers.restart(ex.param("id"), ex.query().integer("t"));
        ex.empty(204);
    }

    void postContainerKill(ApiExchange ex) {
        String signal = emptyToNull(ex.query().get("signal"));
        containers.kill(ex.param("id"), signal == null ? "SIGKILL" : signal);
        ex.empty(204);
    }

    void postContainerRename(ApiExchange ex) {
        String name = ex.query().get("name");
        if (name == null || name.isEmpty()) {
            throw new InvalidArgumentException("a new name is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidArgumentException("Invalid container name (" + name
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        containers.rename(ex.param("id"), name.startsWith("/") ? name.substring(1) : name);
        ex.empty(204);
    }

    void postContainerPause(ApiExchange ex) {
        containers.pause(ex.param("id"));
        ex.empty(204);
    }

    void postContainerUnpause(ApiExchange ex) {
        containers.unpause(ex.param("id"));
        ex.empty(204);
    }

    /** Sets the size of the container's terminal ({@code h} rows, {@code w} columns, both required). */
    void postContainerResize(ApiExchange ex) {
        containers.resize(ex.param("id"), ex.query().required("h"), ex.query().required("w"));
        ex.empty(200);
    }

    void deleteContainer(ApiExchange ex) {
        containers.remove(ex.param("id"), ex.query().bool("force", false), ex.query().bool("v", false));
        ex.empty(204);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
