package io.berth.rest.internal.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStats;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.CreateResult;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.TopResult;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.NotModifiedException;

/**
 * An in-memory container service for router tests: containers are records; "running" a container means its
 * canned log entries appear; {@link #exit} ends a run with an exit code.
 */
public final class FakeContainers implements ContainerService {

    /** One fake container. */
    public static final class Fake {
        public volatile ContainerInfo info;
        public final List<LogEntry> log = new CopyOnWriteArrayList<>();
        public final List<LogEntry> onStart = new ArrayList<>();
        public final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        public volatile boolean stdinClosed;
        final List<CompletableFuture<WaitResult>> waiters = new CopyOnWriteArrayList<>();
    }

    public final Map<String, Fake> byId = new ConcurrentHashMap<>();
    public volatile ContainerSpec lastSpec;
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private int next = 1;

    @Override
    public synchronized CreateResult create(ContainerSpec spec, String name) {
        lastSpec = spec;
        String id = String.format("%064x", next++);
        String n = name == null || name.isEmpty() ? "gen" + id.substring(60) : name;
        if (byId.values().stream().anyMatch(f -> f.info.name().equals(n))) {
            throw new ConflictException("Conflict. The container name \"/" + n + "\" is already in use");
        }
        Fake f = new Fake();
        List<String> argv = spec.cmd() == null ? List.of("sh") : spec.cmd();
        f.info = new ContainerInfo(id, n, Instant.now(), spec.image(), "sha256:" + "ab".repeat(32), argv.get(0),
                argv.subList(1, argv.size()), spec, new ContainerState(ContainerStatus.CREATED, 0, 0, "", false,
                        null, null), spec.runtime() == null ? "mock" : spec.runtime(), 0, Path.of("/tmp/x.log"));
        byId.put(id, f);
        return new CreateResult(id, n, List.of());
    }

    public Fake get(String ref) {
        String r = ref.startsWith("/") ? ref.substring(1) : ref;
        for (Fake f : byId.values()) {
            if (f.info.id().startsWith(r) || f.info.name().equals(r)) {
                return f;
            }
        }
        throw new NotFoundException("No such container: " + ref);
    }

    private void setState(Fake f, ContainerState s) {
        ContainerInfo i = f.info;
        f.info = new ContainerInfo(i.id(), i.name(), i.created(), i.image(), i.imageId(), i.path(), i.args(),
                i.config(), s, i.runtime(), i.restartCount(), i.logPath());
    }

    @Override
    public void start(String ref) {
        Fake f = get(ref);
        if (f.info.state().running()) {
            throw new NotModifiedException("Container already started");
        }
        calls.add("start " + f.info.name());
        if ("/nosuchcmd".equals(f.info.path())) {
            setState(f, new ContainerState(ContainerStatus.EXITED, 0, 127, "not found", false, null, Instant.now()));
            throw new io.berth.api.error.InvalidArgumentException(
                    "exec: \"/nosuchcmd\": stat /nosuchcmd: no such file or directory");
        }
        setState(f, new ContainerState(ContainerStatus.RUNNING, 42, 0, "", false, Instant.now(), null));
        for (LogEntry e : f.onStart) {
            f.log.add(new LogEntry(e.stream(), Instant.now(), e.text(), e.partial()));
        }
    }

    /** Ends the current run. */
    public void exit(String ref, int code) {
        Fake f = get(ref);
        setState(f, new ContainerState(ContainerStatus.EXITED, 0, code, "", false, f.info.state().startedAt(),
                Instant.now()));
        f.waiters.forEach(w -> w.complete(new WaitResult(code, null)));
    }

    @Override
    public void stop(String ref, Integer timeoutSeconds, String signal) {
        Fake f = get(ref);
        if (!f.info.state().running()) {
            throw new NotModifiedException("Container already stopped");
        }
        calls.add("stop " + f.info.name() + " t=" + timeoutSeconds + " signal=" + signal);
        exit(ref, 143);
    }

    @Override
    public void kill(String ref, String signal) {
        Fake f = get(ref);
        if (!f.info.state().running()) {
            throw new ConflictException("Container " + f.info.id() + " is not running");
        }
        calls.add("kill " + f.info.name() + " " + signal);
        exit(ref, 137);
    }

    @Override
    public void restart(String ref, Integer timeoutSeconds) {
        calls.add("restart " + get(ref).info.name() + " t=" + timeoutSeconds);
    }

    @Override
    public void remove(String ref, boolean force, boolean volumes) {
        Fake f = get(ref);
        if (f.info.state().running() && !force) {
            throw new ConflictException("You cannot remove a running container " + f.info.id()
                    + ". Stop the container before attempting removal or force remove");
        }
        byId.remove(f.info.id());
        calls.add("remove " + f.info.name() + " force=" + force + " v=" + volumes);
    }

    @Override
    public CompletableFuture<WaitResult> wait(String ref, WaitCondition condition) {
        Fake f = get(ref);
        CompletableFuture<WaitResult> w = new CompletableFuture<>();
        if (condition == WaitCondition.NOT_RUNNING && !f.info.state().running()) {
            w.complete(new WaitResult(f.info.state().exitCode(), null));
        } else {
            f.waiters.add(w);
        }
        return w;
    }

    @Override
    public void pause(String ref) {
        calls.add("pause " + get(ref).info.name());
    }

    @Override
    public void unpause(String ref) {
        calls.add("unpause " + get(ref).info.name());
    }

    @Override
    public void rename(String ref, String newName) {
        Fake f = get(ref);
        ContainerInfo i = f.info;
        f.info = new ContainerInfo(i.id(), newName, i.created(), i.image(), i.imageId(), i.path(), i.args(),
                i.config(), i.state(), i.runtime(), i.restartCount(), i.logPath());
    }

    @Override
    public List<ContainerInfo> list(ContainerFilter filter) {
        calls.add("list " + filter);
        return byId.values().stream().map(f -> f.info).filter(i -> filter.all() || i.state().running())
                .filter(i -> filter.statuses().isEmpty() || filter.statuses().contains(i.state().status()))
                .toList();
    }

    @Override
    public ContainerInfo inspect(String ref) {
        return get(ref).info;
    }

    @Override
    public LogStream logs(String ref, LogOptions options) {
        Fake f = get(ref);
        return new LogStream() {
            private int pos;
            private volatile boolean closed;

            @Override
            public LogEntry next() throws InterruptedException {
                while (!closed) {
                    if (pos < f.log.size()) {
                        LogEntry e = f.log.get(pos++);
                        if (options.since() != null && e.time().isBefore(options.since())) {
                            continue;
                        }
                        return e;
                    }
                    if (!options.follow() || !f.info.state().running()) {
                        return null;
                    }
                    Thread.sleep(5);
                }
                return null;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public OutputStream attachStdin(String ref) {
        Fake f = get(ref);
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (f.stdin) {
                    f.stdin.write(b);
                }
            }

            @Override
            public void close() {
                f.stdinClosed = true;
            }
        };
    }

    @Override
    public TopResult top(String ref) {
        Fake f = get(ref);
        if (!f.info.state().running()) {
            throw new ConflictException("Container " + f.info.id() + " is not running");
        }
        return new TopResult(List.of("UID", "PID", "CMD"), List.of(List.of("root", "42", "sh")));
    }

    @Override
    public ContainerStats stats(String ref) {
        get(ref);
        return new ContainerStats(Instant.now(), 1000, 2000, 2, 4096, 1 << 30, 1, 0);
    }

    /** Iterates helper for tests. */
    /** Records {@code resize NAME HxW}; a container that does not run is Docker's conflict. */
    @Override
    public void resize(String ref, int height, int width) {
        Fake f = get(ref);
        if (!f.info.state().running()) {
            throw new ConflictException("Container " + f.info.id() + " is not running");
        }
        calls.add("resize " + f.info.name() + " " + height + "x" + width);
    }

    public Iterator<Fake> all() {
        return byId.values().iterator();
    }
}
