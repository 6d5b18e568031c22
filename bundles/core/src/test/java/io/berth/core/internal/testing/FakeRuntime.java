package io.berth.core.internal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import io.berth.api.container.LogEntry;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeFeatures;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStats;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.core.internal.logs.K8sLogFormat;
import io.berth.core.internal.store.Json;

/**
 * An in-memory runtime whose "programs" are the first argument of the container's command:
 * {@code sleep} runs until SIGTERM/SIGINT/SIGKILL (exit 128+n), {@code stubborn} ignores SIGTERM,
 * {@code exit N} exits with N at once, {@code echo words...} logs the words and exits 0, {@code nonexistent}
 * cannot be created. Exits are written to the exit directory like conmon does (temp file + rename, or in
 * place). Execs run the same programs ({@code sleep} until {@link #finishExec}); an exec's exit is not
 * reported when its container dies (like a runtime that loses track). Thread-safe.
 */
public final class FakeRuntime implements OciRuntime {

    /** One container as the fake knows it. */
    public static final class Process {
        public final RuntimeCreateRequest request;
        public final List<String> args;
        public final JsonNode spec;
        public volatile RuntimeStatus status = RuntimeStatus.CREATED;
        public volatile int pid;
        volatile int pendingSignal;
        volatile boolean monitorGone;
        public final ByteArrayOutputStream stdin = new ByteArrayOutputStream();

        Process(RuntimeCreateRequest request, List<String> args, JsonNode spec) {
            this.request = request;
            this.args = args;
            this.spec = spec;
        }
    }

    private final String name;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, RuntimeExecRequest> execs = new ConcurrentHashMap<>();
    private volatile RuntimeStats stats = new RuntimeStats(5_000_000L, 1 << 20, 64 << 20, 3, 100);
    private volatile List<Integer> extraPids = List.of();
    private final Map<String, String> execContainers = new ConcurrentHashMap<>();
    private final Map<String, ByteArrayOutputStream> execStdin = new ConcurrentHashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger pids = new AtomicInteger(1000);
    private volatile boolean exitFilesInPlace;
    private volatile boolean pidFiles;
    private final AtomicInteger stateCalls = new AtomicInteger();
    private final AtomicInteger statesCalls = new AtomicInteger();
    private final Set<String> missingFromStates = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch deleteGate;
    private final AtomicInteger failingDeletes = new AtomicInteger();
    private volatile String unavailable;
    private volatile RuntimeException nextStartFailure;

    public FakeRuntime(String name) {
        this.name = name;
    }

    /** Write exit files directly instead of temp + rename. */
    public void writeExitFilesInPlace(boolean inPlace) {
        exitFilesInPlace = inPlace;
    }

    /**
     * Write {@code <bundle>/pidfile} on create as runc and crun do (the pid is then assigned on create, not
     * on start).
     */
    public void writePidFiles(boolean write) {
        pidFiles = write;
    }

    /** How often {@link #state} was asked. */
    public int stateCalls() {
        return stateCalls.get();
    }

    /** {@link #states()} leaves the container out, as a list taken before its start would. */
    public void leaveOutOfStates(String id) {
        missingFromStates.add(id);
    }

    /** How often every state was asked at once ({@link #states()}, as runc's one {@code list}). */
    public int statesCalls() {
        return statesCalls.get();
    }

    /** Makes every {@link #delete} wait until the gate opens (for at most 20 s); {@code null} for no gate. */
    public void gateDeletes(CountDownLatch gate) {
        deleteGate = gate;
    }

    /** The next start is recorded but throws {@code failure}; the container stays created. */
    public void failNextStart(RuntimeException failure) {
        nextStartFailure = failure;
    }

    /** The next delete is recorded but fails, and the container stays. */
    public void failNextDelete() {
        failingDeletes.incrementAndGet();
    }

    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public Process process(String id) {
        return processes.get(id);
    }

    /** The process ends on its own (also while no engine watches). */
    public void exit(String id, int code) {
        Process process = processes.get(id);
        process.status = RuntimeStatus.STOPPED;
        if (!process.monitorGone) {
            writeExitFile(process.request, code);
        }
    }

    /** The container's monitor is killed: the process runs on, and its exit is never written. */
    public void killMonitor(String id) {
        processes.get(id).monitorGone = true;
    }

    /**
     * Every operation but {@link #info} and {@link #list} fails with {@link UnavailableException} and this
     * reason (as when the runtime's binary is gone), until called with {@code null}.
     */
    public void makeUnavailable(String reason) {
        unavailable = reason;
    }

    /** The runtime loses all memory of the container (as after a host reboot). */
    public void forget(String id) {
        processes.remove(id);
    }

    /** Appends a log line as the monitor would. */
    public void log(String id, LogEntry.Stream stream, String text) {
        appendLog(processes.get(id).request.logPath(), new LogEntry(stream, Instant.now(), text, false));
    }

    @Override
    public RuntimeInfo info() {
        return new RuntimeInfo(name, "1.0", "", true, "", RuntimeFeatures.UNKNOWN);
    }

    @Override
    public void create(RuntimeCreateRequest request) {
        checkAvailable();
        calls.add("create " + request.id());
        JsonNode spec = readSpec(request.bundle());
        List<String> args = new ArrayList<>();
        spec.path("process").path("args").forEach(arg -> args.add(arg.asText()));
        if (args.get(0).equals("nonexistent")) {
            throw new InvalidArgumentException("exec: \"nonexistent\": executable file not found in $PATH");
        }
        if (args.get(0).equals("noperm")) {
            throw new InvalidArgumentException("exec: \"noperm\": permission denied");
        }
        Process process = new Process(request, args, spec);
        if (pidFiles) {
            process.pid = pids.incrementAndGet();
            try {
                Files.writeString(request.bundle().resolve("pidfile"), Integer.toString(process.pid));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        processes.put(request.id(), process);
    }

    @Override
    public void start(String id) {
        calls.add("start " + id);
        RuntimeException failure = nextStartFailure;
        if (failure != null) {
            nextStartFailure = null;
            throw failure;
        }
        Process process = require(id);
        process.status = RuntimeStatus.RUNNING;
        if (process.pid == 0) {
            process.pid = pids.incrementAndGet();
        }
        switch (process.args.get(0)) {
            case "exit" -> exit(id, Integer.parseInt(process.args.get(1)));
            case "echo" -> {
                log(id, LogEntry.Stream.STDOUT, String.join(" ", process.args.subList(1, process.args.size())));
                exit(id, 0);
            }
            default -> { }
        }
    }

    @Override
    public RuntimeState state(String id) {
        stateCalls.incrementAndGet();
        Process process = require(id);
        return new RuntimeState(id, process.status, process.status == RuntimeStatus.STOPPED ? 0 : process.pid);
    }

    @Override
    public List<String> list() {
        return List.copyOf(processes.keySet());
    }

    @Override
    public Map<String, RuntimeState> states() {
        statesCalls.incrementAndGet();
        Map<String, RuntimeState> states = new HashMap<>();
        processes.forEach((id, process) -> {
            if (!missingFromStates.contains(id)) {
                states.put(id, new RuntimeState(id, process.status,
                        process.status == RuntimeStatus.STOPPED ? 0 : process.pid));
            }
        });
        return states;
    }

    @Override
    public void kill(String id, int signal, boolean all) {
        calls.add("kill " + id + " " + signal + (all ? " all" : ""));
        Process process = require(id);
        if (process.status != RuntimeStatus.RUNNING && process.status != RuntimeStatus.PAUSED) {
            throw new ConflictException("container not running");
        }
        boolean dies = signal == 9 || signal == 2 || (signal == 15 && !process.args.get(0).equals("stubborn"));
        if (dies && process.status == RuntimeStatus.PAUSED) {
            process.pendingSignal = signal; // a frozen process receives it when thawed
        } else if (dies) {
            exit(id, 128 + signal);
        }
    }

    @Override
    public void delete(String id, boolean force) {
        CountDownLatch gate = deleteGate;
        if (gate != null) {
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checkAvailable();
        calls.add("delete " + id + (force ? " force" : ""));
        if (failingDeletes.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new ConflictException("cannot delete " + id + ": device or resource busy");
        }
        processes.remove(id);
    }

    @Override
    public void pause(String id) {
        calls.add("pause " + id);
        require(id).status = RuntimeStatus.PAUSED;
    }

    @Override
    public void resume(String id) {
        calls.add("resume " + id);
        Process process = require(id);
        process.status = RuntimeStatus.RUNNING;
        if (process.pendingSignal != 0) {
            exit(id, 128 + process.pendingSignal);
        }
    }

    @Override
    public OutputStream openStdin(String id) {
        return require(id).stdin;
    }

    /** The exec requests received, by exec id. */
    public RuntimeExecRequest execRequest(String execId) {
        return execs.get(execId);
    }

    /** A running exec ends with {@code code}. */
    public void finishExec(String execId, int code) {
        RuntimeExecRequest request = execs.get(execId);
        writeExit(request.exitDir().resolve(containerOf(execId)), request.exitDir(), code);
    }

    /** What {@link #stats} answers from now on. */
    public void setStats(RuntimeStats newStats) {
        stats = newStats;
    }

    /** Pids {@link #processes} adds to the container's own. */
    public void setExtraPids(List<Integer> pids) {
        extraPids = List.copyOf(pids);
    }

    @Override
    public void exec(String id, RuntimeExecRequest request) {
        calls.add("exec " + id + " " + request.execId());
        Process process = require(id);
        if (process.status != RuntimeStatus.RUNNING) {
            throw new ConflictException("cannot exec in a stopped container");
        }
        String program = request.args().get(0);
        if (program.equals("nonexistent")) {
            throw new InvalidArgumentException("exec: \"nonexistent\": executable file not found in $PATH");
        }
        if (program.equals("noperm")) {
            throw new InvalidArgumentException("exec: \"noperm\": permission denied");
        }
        execs.put(request.execId(), request);
        execContainers.put(request.execId(), id);
        switch (program) {
            case "exit" -> finishExec(request.execId(), Integer.parseInt(request.args().get(1)));
            case "echo" -> {
                appendLog(request.logPath(), new LogEntry(LogEntry.Stream.STDOUT, Instant.now(),
                        String.join(" ", request.args().subList(1, request.args().size())), false));
                finishExec(request.execId(), 0);
            }
            default -> { }
        }
    }

    @Override
    public OutputStream openExecStdin(String id, Path sessionDir) {
        require(id);
        return execStdin.computeIfAbsent(sessionDir.getFileName().toString(), k -> new ByteArrayOutputStream());
    }

    /** What was written to an exec's stdin. */
    public String execStdin(String execId) {
        ByteArrayOutputStream stdin = execStdin.get(execId);
        return stdin == null ? null : stdin.toString(StandardCharsets.UTF_8);
    }

    @Override
    public List<Integer> processes(String id) {
        Process process = require(id);
        List<Integer> pids = new ArrayList<>();
        pids.add(process.pid);
        pids.addAll(extraPids);
        return pids;
    }

    @Override
    public RuntimeStats stats(String id) {
        require(id);
        return stats;
    }

    /** Records {@code resize ID H W} in {@link #calls()}. */
    @Override
    public void resize(String id, int height, int width) {
        Process process = require(id);
        if (process.status != RuntimeStatus.RUNNING && process.status != RuntimeStatus.PAUSED) {
            throw new ConflictException("container not running");
        }
        calls.add("resize " + id + " " + height + " " + width);
    }

    /** Records {@code resizeExec ID SESSION-DIR-NAME H W} in {@link #calls()}. */
    @Override
    public void resizeExec(String id, Path sessionDir, int height, int width) {
        require(id);
        calls.add("resizeExec " + id + " " + sessionDir.getFileName() + " " + height + " " + width);
    }

    private String containerOf(String execId) {
        return execContainers.get(execId);
    }

    private void checkAvailable() {
        String reason = unavailable;
        if (reason != null) {
            throw new UnavailableException(reason);
        }
    }

    private Process require(String id) {
        checkAvailable();
        Process process = processes.get(id);
        if (process == null) {
            throw new NotFoundException("container " + id + " does not exist");
        }
        return process;
    }

    private static JsonNode readSpec(Path bundle) {
        try {
            return Json.mapper().readTree(bundle.resolve("config.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeExitFile(RuntimeCreateRequest request, int code) {
        writeExit(request.exitDir().resolve(request.id()), request.exitDir(), code);
    }

    private void writeExit(Path target, Path dir, int code) {
        byte[] content = Integer.toString(code).getBytes(StandardCharsets.US_ASCII);
        try {
            if (exitFilesInPlace) {
                Files.write(target, content);
            } else {
                Path temp = dir.resolve("." + target.getFileName() + ".tmp");
                Files.write(temp, content);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendLog(Path logPath, LogEntry entry) {
        try {
            Files.writeString(logPath, K8sLogFormat.format(entry) + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
