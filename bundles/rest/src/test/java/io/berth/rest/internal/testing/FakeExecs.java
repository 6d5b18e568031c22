package io.berth.rest.internal.testing;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogEntry;
import io.berth.api.container.LogStream;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;

/** Execs that print their command line to stdout and "err" to stderr, then exit with code 5. */
public final class FakeExecs implements ExecService {

    private final Map<String, ExecInfo> execs = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Integer>> exits = new ConcurrentHashMap<>();
    private int next = 1;
    /** The resizes received, as {@code EXECID HxW}. */
    public final java.util.List<String> resizes = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public synchronized String create(String containerRef, ExecSpec spec) {
        if (!"c1".equals(containerRef)) {
            throw new NotFoundException("No such container: " + containerRef);
        }
        String id = String.format("e%063x", next++);
        execs.put(id, new ExecInfo(id, "c1id", spec, false, null, false));
        exits.put(id, new CompletableFuture<>());
        return id;
    }

    @Override
    public void start(String execId) {
        ExecInfo e = inspect(execId);
        if (e.started()) {
            throw new ConflictException("exec " + execId + " already started");
        }
        execs.put(execId, new ExecInfo(e.id(), e.containerId(), e.spec(), true, null, true));
    }

    @Override
    public LogStream output(String execId, boolean follow) {
        ExecInfo e = inspect(execId);
        Iterator<LogEntry> it = List.of(
                new LogEntry(LogEntry.Stream.STDOUT, Instant.now(), String.join(" ", e.spec().cmd()), false),
                new LogEntry(LogEntry.Stream.STDERR, Instant.now(), "err", false)).iterator();
        return new LogStream() {
            @Override
            public LogEntry next() {
                if (it.hasNext()) {
                    return it.next();
                }
                execs.put(execId, new ExecInfo(e.id(), e.containerId(), e.spec(), false, 5, true));
                exits.get(execId).complete(5);
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public OutputStream attachStdin(String execId) {
        return OutputStream.nullOutputStream();
    }

    @Override
    public CompletableFuture<Integer> waitFor(String execId) {
        inspect(execId);
        return exits.get(execId);
    }

    @Override
    public void resize(String execId, int height, int width) {
        inspect(execId);
        resizes.add(execId + " " + height + "x" + width);
    }

    @Override
    public ExecInfo inspect(String execId) {
        ExecInfo e = execs.get(execId);
        if (e == null) {
            throw new NotFoundException("No such exec instance: " + execId);
        }
        return e;
    }
}
