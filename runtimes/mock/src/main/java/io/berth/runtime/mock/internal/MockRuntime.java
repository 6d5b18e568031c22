package io.berth.runtime.mock.internal;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.api.runtime.RuntimeFeatures;
import io.berth.api.runtime.RuntimeInfo;
import io.berth.api.runtime.RuntimeName;
import io.berth.api.runtime.RuntimeState;
import io.berth.api.runtime.RuntimeStats;

/**
 * The mock runtime: simulates containers without root or kernel features, deterministically. The process of
 * a container is read from {@code process.args} of its bundle's {@code config.json} and must be one of:
 * <ul>
 * <li>{@code echo ARGS...}: prints the args joined by spaces; exit 0</li>
 * <li>{@code true}: exit 0; {@code false}: exit 1</li>
 * <li>{@code sleep N}: runs N seconds (decimals allowed; {@code infinity} never ends); exit 0</li>
 * <li>{@code sh -c 'SCRIPT'}: {@code ;}-separated {@code echo}, {@code sleep}, {@code exit N}, {@code true},
 * {@code false}, {@code env}, {@code pwd}, {@code cat}; {@code echo TEXT >&2} prints to stderr</li>
 * <li>{@code cat}: copies stdin to stdout line by line until stdin closes (at once without an open stdin); exit 0</li>
 * <li>{@code env}: prints {@code process.env}, one line each; {@code pwd}: prints {@code process.cwd}</li>
 * </ul>
 * Executables may be absolute paths; the base name counts. Any other executable fails {@link #create} with
 * {@code exec: "NAME": executable file not found in $PATH}. Output goes to the request's log in conmon's
 * k8s-file format; the exit code goes to {@code <exitDir>/<id>}. HUP, INT, QUIT, KILL and TERM end a process
 * with 128 + signal, other signals are ignored; while paused only KILL acts at once, the others on resume.
 * Pids are fake (from 100000 up), stable and unique; they are not host pids.
 *
 * <p>{@link #exec} runs the same command set in a running container as a simulated process with the request's
 * env and cwd (uid and gid are ignored), logging to {@code request.logPath()} and writing its exit code to
 * {@code request.exitDir()/<container id>}. A session ends by itself, or with its container: with 128 + signal
 * when a signal ends the container, with 137 when the container's process exits by itself. Sessions freeze while
 * the container is paused. {@link #processes} lists the container's fake pid and those of its running
 * sessions; {@link #stats} is a deterministic simulation (see {@link StatsSimulation}). {@link #resize} and
 * {@link #resizeExec} record the size of a terminal (in memory) for tests to read.
 *
 * <p>The state of every container lives in {@code <stateDir>/<id>.json}, so containers survive a stop of this
 * bundle and a JVM restart: on activation, processes whose time ran out meanwhile get their exit file, the
 * others continue. Deactivation cancels timers but writes no exits. A {@code cat} that was running keeps
 * waiting after a restart, since its stdin is gone. Exec sessions do not survive: a new instance does not know
 * them and never writes their exit files. Thread-safe.
 */
@Component(name = MockRuntime.PID, service = OciRuntime.class, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MockRuntimeConfig.class)
@RuntimeName(MockRuntime.NAME)
public final class MockRuntime implements OciRuntime {

    static final String NAME = "mock";
    static final String PID = "io.berth.runtime.mock";
    static final int FIRST_PID = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(MockRuntime.class);
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final RuntimeFeatures FEATURES = new RuntimeFeatures(null, null, List.of(), List.of(), List.of());

    private final ConcurrentMap<String, SimulatedContainer> containers = new ConcurrentHashMap<>();
    private final AtomicInteger nextPid = new AtomicInteger(FIRST_PID);
    private final StateStore store;
    private volatile boolean closed;
    private final Scheduler scheduler;
    private final String version;

    @Activate
    public MockRuntime(MockRuntimeConfig config, BundleContext context) {
        this(stateDir(config.stateDir()), new ExecutorScheduler(), context.getBundle().getVersion().toString());
    }

    /**
     * A runtime on {@code stateDir} that loads and continues the containers found there.
     *
     * @param scheduler clock and timers; owned by the runtime from now on and closed by {@link #deactivate()}
     */
    MockRuntime(Path stateDir, Scheduler scheduler, String version) {
        this.store = new StateStore(stateDir);
        this.scheduler = scheduler;
        this.version = version == null || version.isEmpty() ? "1.0" : version;
        try {
            store.loadAll().forEach(this::adopt);
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        LOG.info("Mock runtime uses {} and holds {} containers", stateDir, containers.size());
    }

    /** Cancels every timer; the containers keep "running" on disk and continue at the next activation. */
    @Deactivate
    public void deactivate() {
        closed = true;
        containers.values().forEach(SimulatedContainer::detach);
        scheduler.close();
    }

    @Override
    public RuntimeInfo info() {
        return new RuntimeInfo(NAME, version, "", true, "", FEATURES);
    }

    @Override
    public void create(RuntimeCreateRequest request) {
        requireOpen();
        String id = validate(request);
        requireNew(id);
        BundleSpec bundle = BundleConfig.load(request.bundle());
        ProcessSpec configured = bundle.process();
        ProcessSpec process = new ProcessSpec(configured.args(), configured.env(), configured.cwd(),
                configured.terminal() || request.terminal());
        List<Step> program = CommandSet.program(process);
        ContainerSetup setup = new ContainerSetup(id, request.bundle(), request.logPath(), request.exitDir(),
                process, request.openStdin(), nextPid.getAndIncrement(), scheduler.now(), bundle.limits());
        synchronized (containers) {
            requireNew(id);
            containers.put(id, SimulatedContainer.create(setup, program, store, scheduler));
        }
    }

    @Override
    public void start(String id) {
        find(id).start();
    }

    @Override
    public RuntimeState state(String id) {
        return find(id).state();
    }

    @Override
    public List<String> list() {
        return containers.keySet().stream().sorted().toList();
    }

    /** {@code all} changes nothing: a terminating signal ends the container's process and its exec sessions. */
    @Override
    public void kill(String id, int signal, boolean all) {
        Signals.validate(signal);
        find(id).kill(signal);
    }

    @Override
    public void delete(String id, boolean force) {
        SimulatedContainer container = containers.get(id);
        if (container != null) {
            container.delete(force);
            containers.remove(id, container);
        }
    }

    @Override
    public void pause(String id) {
        find(id).pause();
    }

    @Override
    public void resume(String id) {
        find(id).resume();
    }

    @Override
    public OutputStream openStdin(String id) {
        return find(id).openStdin();
    }

    /**
     * Starts a simulated exec session; the program runs on the scheduler thread right after this returns.
     * A container that is not running is a {@link ConflictException}, an executable outside the command set an
     * {@link InvalidArgumentException} ({@code exec: "NAME": executable file not found in $PATH}); neither
     * writes a file.
     */
    @Override
    public void exec(String id, RuntimeExecRequest request) {
        validate(request);
        find(id).exec(request, nextPid::getAndIncrement);
    }

    /**
     * The stdin of a session started with {@code openStdin}. A session this instance does not know (never
     * started, or started before a restart) is a {@link NotFoundException}; one that has ended a
     * {@link ConflictException}.
     */
    @Override
    public OutputStream openExecStdin(String id, Path sessionDir) {
        if (sessionDir == null) {
            throw new InvalidArgumentException("a session directory is required");
        }
        return find(id).openExecStdin(sessionDir);
    }

    /** Fake pids (not host pids): the container's, then its running exec sessions'. Stopped: conflict. */
    @Override
    public List<Integer> processes(String id) {
        return find(id).processes();
    }

    /** Simulated usage of a running or paused container, see {@link StatsSimulation}; otherwise a conflict. */
    @Override
    public RuntimeStats stats(String id) {
        return find(id).stats();
    }

    /**
     * Records the size of a terminal container's terminal; readable with {@link #terminalSize(String)}. A
     * container without a terminal accepts it and keeps no size (conmon drops the request); a stopped one is a
     * {@link ConflictException}. Sizes are kept in memory only.
     */
    @Override
    public void resize(String id, int height, int width) {
        TerminalSize size = TerminalSize.of(height, width);
        find(id).resize(size);
    }

    /** Records the size of a running exec session's terminal; an ended session is a {@link ConflictException}. */
    @Override
    public void resizeExec(String id, Path sessionDir, int height, int width) {
        TerminalSize size = TerminalSize.of(height, width);
        if (sessionDir == null) {
            throw new InvalidArgumentException("a session directory is required");
        }
        find(id).resizeExec(sessionDir, size);
    }

    /** The terminal size the last resize of the container set, or {@code null}: for tests. */
    TerminalSize terminalSize(String id) {
        return find(id).terminalSize();
    }

    /** The terminal size the last resize of a running exec session set, or {@code null}: for tests. */
    TerminalSize terminalSize(String id, Path sessionDir) {
        return find(id).terminalSize(sessionDir);
    }

    /** The configured state directory, or the default under {@code karaf.data} or {@code java.io.tmpdir}. */
    static Path stateDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String karafData = System.getProperty("karaf.data");
        return karafData != null ? Path.of(karafData, "berth", "mock")
                : Path.of(System.getProperty("java.io.tmpdir"), "berth-mock");
    }

    private static String validate(RuntimeCreateRequest request) {
        String id = request.id();
        if (id == null || !VALID_ID.matcher(id).matches()) {
            throw new InvalidArgumentException("invalid container id: " + id);
        }
        if (request.bundle() == null || request.logPath() == null || request.exitDir() == null) {
            throw new InvalidArgumentException("a bundle, a log path and an exit directory are required");
        }
        return id;
    }

    private static void validate(RuntimeExecRequest request) {
        if (request.args().isEmpty()) {
            throw new InvalidArgumentException("No exec command specified");
        }
        if (request.sessionDir() == null || request.logPath() == null || request.exitDir() == null) {
            throw new InvalidArgumentException("a session directory, a log path and an exit directory are required");
        }
    }

    private void requireNew(String id) {
        if (containers.containsKey(id)) {
            throw new ConflictException("container with id exists: " + id);
        }
    }

    private void adopt(ContainerRecord record) {
        nextPid.accumulateAndGet(record.setup().pid() + 1, Math::max);
        try {
            containers.put(record.setup().id(), SimulatedContainer.restore(record, store, scheduler));
        } catch (RuntimeException e) {
            LOG.warn("Cannot restore mock container {}: {}", record.setup().id(), e.toString());
        }
    }

    private SimulatedContainer find(String id) {
        requireOpen();
        SimulatedContainer container = id == null ? null : containers.get(id);
        if (container == null) {
            throw new NotFoundException("container " + id + " does not exist");
        }
        return container;
    }

    /** Refuses work once {@link #deactivate()} has begun (the engine then reports the runtime as away). */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the mock runtime is stopping");
        }
    }
}
