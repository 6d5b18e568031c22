package io.berth.shell.internal.command;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerStats;
import io.berth.api.container.TopResult;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.CreateResult;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.NotFoundException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory container engine that records every call ("stop web 5 SIGTERM") and can be told to fail:
 * unknown refs raise "No such container", refs in {@link #failures} raise the given exception.
 */
class FakeContainerService implements ContainerService {

    final Map<String, ContainerInfo> containers = new LinkedHashMap<>();
    final Map<String, BerthException> failures = new LinkedHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    ContainerSpec createdSpec;
    BerthException createFailure;
    BerthException startFailure;
    int exitCodeRecordedOnStartFailure;
    List<String> warnings = List.of();
    List<LogEntry> log = List.of();
    LogStream logStream;
    LogOptions lastLogOptions;
    ContainerFilter lastFilter;
    int exitCode;

    FakeContainerService with(ContainerInfo info) {
        containers.put(info.id(), info);
        return this;
    }

    ContainerInfo resolve(String ref) {
        BerthException failure = failures.get(ref);
        if (failure != null) {
            throw failure;
        }
        return containers.values().stream()
                .filter(c -> c.name().equals(ref) || c.id().startsWith(ref))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such container: " + ref));
    }

    @Override
    public CreateResult create(ContainerSpec spec, String name) {
        calls.add("create " + spec.image() + " " + name);
        if (createFailure != null) {
            throw createFailure;
        }
        createdSpec = spec;
        String id = Fixtures.id("c0ffee");
        String effectiveName = name == null ? "happy_turing" : name;
        with(new ContainerInfo(id, effectiveName, Fixtures.NOW, spec.image(), "sha256:" + Fixtures.id("ee"), "sh",
                List.of(), spec, Fixtures.state(ContainerStatus.CREATED, 0, null, null), "mock", 0, null));
        return new CreateResult(id, effectiveName, warnings);
    }

    @Override
    public void start(String ref) {
        ContainerInfo info = resolve(ref);
        calls.add("start " + ref);
        if (startFailure != null) {
            setState(info, Fixtures.state(ContainerStatus.EXITED, exitCodeRecordedOnStartFailure, null, null));
            throw startFailure;
        }
        setState(info, Fixtures.state(ContainerStatus.RUNNING, 0, Fixtures.NOW, null));
    }

    private void setState(ContainerInfo info, ContainerState state) {
        containers.put(info.id(), new ContainerInfo(info.id(), info.name(), info.created(), info.image(),
                info.imageId(), info.path(), info.args(), info.config(), state, info.runtime(), 0, info.logPath()));
    }

    @Override
    public void stop(String ref, Integer timeoutSeconds, String signal) {
        resolve(ref);
        calls.add("stop " + ref + " " + timeoutSeconds + " " + signal);
    }

    @Override
    public void kill(String ref, String signal) {
        resolve(ref);
        calls.add("kill " + ref + " " + signal);
    }

    @Override
    public void restart(String ref, Integer timeoutSeconds) {
        resolve(ref);
        calls.add("restart " + ref + " " + timeoutSeconds);
    }

    @Override
    public void remove(String ref, boolean force, boolean volumes) {
        ContainerInfo info = resolve(ref);
        containers.remove(info.id());
        calls.add("remove " + ref + " force=" + force + " volumes=" + volumes);
    }

    @Override
    public CompletableFuture<WaitResult> wait(String ref, WaitCondition condition) {
        BerthException failure = failures.get(ref);
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        ContainerInfo info = resolve(ref);
        calls.add("wait " + ref + " " + condition);
        int code = info.state().status() == ContainerStatus.EXITED ? info.state().exitCode() : exitCode;
        return CompletableFuture.completedFuture(new WaitResult(code, ""));
    }

    @Override
    public void pause(String ref) {
        resolve(ref);
        calls.add("pause " + ref);
    }

    @Override
    public void unpause(String ref) {
        resolve(ref);
        calls.add("unpause " + ref);
    }

    @Override
    public void rename(String ref, String newName) {
        resolve(ref);
        calls.add("rename " + ref + " " + newName);
    }

    @Override
    public List<ContainerInfo> list(ContainerFilter filter) {
        lastFilter = filter;
        return new ArrayList<>(containers.values());
    }

    @Override
    public ContainerInfo inspect(String ref) {
        return resolve(ref);
    }

    @Override
    public LogStream logs(String ref, LogOptions options) {
        resolve(ref);
        calls.add("logs " + ref);
        lastLogOptions = options;
        return logStream != null ? logStream : new ListLogStream(log);
    }

    @Override
    public OutputStream attachStdin(String ref) {
        throw new UnsupportedOperationException();
    }

    /** What {@link #top} answers. */
    TopResult top;

    /** Readings {@link #stats} hands out in order, per ref; the last one repeats. */
    final Map<String, java.util.Deque<ContainerStats>> stats = new java.util.HashMap<>();

    @Override
    public TopResult top(String ref) {
        resolve(ref);
        calls.add("top " + ref);
        return top;
    }

    @Override
    public ContainerStats stats(String ref) {
        resolve(ref);
        calls.add("stats " + ref);
        java.util.Deque<ContainerStats> readings = stats.get(ref);
        return readings.size() > 1 ? readings.poll() : readings.peek();
    }

    @Override
    public void resize(String ref, int height, int width) {
        throw new UnsupportedOperationException("resize");
    }

    /** A finished log: the given entries, then the end. */
    static final class ListLogStream implements LogStream {
        private final Iterator<LogEntry> entries;
        boolean closed;

        ListLogStream(List<LogEntry> entries) {
            this.entries = entries.iterator();
        }

        @Override
        public LogEntry next() {
            return entries.hasNext() ? entries.next() : null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
