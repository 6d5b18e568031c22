package io.berth.core.internal.container;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerFilter;
import io.berth.api.container.ContainerInfo;
import io.berth.api.container.ContainerService;
import io.berth.api.container.ContainerSpec;
import io.berth.api.container.ContainerStats;
import io.berth.api.container.CreateResult;
import io.berth.api.container.ExecService;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.container.TopResult;
import io.berth.api.container.WaitCondition;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotModifiedException;
import io.berth.api.event.EventService;
import io.berth.api.image.ImageService;
import io.berth.api.image.ImageUsage;
import io.berth.api.image.SnapshotService;
import io.berth.api.system.SystemService;
import io.berth.core.internal.config.EngineSettings;
import io.berth.core.internal.faults.CrashPoints;
import io.berth.core.internal.host.HostEnvironment;
import io.berth.core.internal.logs.K8sFileLogReader;
import io.berth.core.internal.monitor.ExitFiles;
import io.berth.core.internal.monitor.ExitMonitor;
import io.berth.core.internal.runtime.RuntimeRegistry;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.store.ContainerStore;

/**
 * The container engine: resolves references and hands each verb to its helper. {@link #open()} re-adopts
 * what is on disk and starts the exit monitor; {@link #close()} stops the monitor and background work but
 * never touches a container. Thread-safe as {@link ContainerService} requires.
 */
public final class ContainerEngine implements ContainerService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerEngine.class);

    private final EngineContext ctx;
    private final ContainerCreator creator;
    private final ContainerStarter starter;
    private final ContainerStopper stopper;
    private final ContainerSignaller signaller;
    private final ContainerRemover remover;
    private final ContainerRenamer renamer;
    private final ContainerLister lister;
    private final ExitRecorder exits;
    private final Reconciler reconciler;
    private final ExitMonitor monitor;
    private final ExecManager execs;
    private final ContainerProbes probes;
    private final ContainerResizer resizer;
    private final BootRestarts bootRestarts;
    private final Consumer<String> onRuntimeBound;

    /** An engine on this host ({@link HostEnvironment#current()}). */
    public ContainerEngine(EngineSettings settings, RuntimeRegistry runtimes, ImageService images,
            SnapshotService snapshots, EventService events) {
        this(settings, HostEnvironment.current(), Clock.systemDefaultZone(), runtimes, images, snapshots, events);
    }

    /**
     * An engine with the given host facts and clock.
     *
     * @param host  capability bounding set, limits, hostname, DNS files and {@code /proc} of the host
     * @param clock the time of stats readings and of {@code top}'s STIME column (with its zone)
     */
    public ContainerEngine(EngineSettings settings, HostEnvironment host, Clock clock, RuntimeRegistry runtimes,
            ImageService images, SnapshotService snapshots, EventService events) {
        this(settings, host, clock, runtimes, images, snapshots, events, CrashPoints.NONE);
    }

    /**
     * An engine with the given host facts, clock and crash points ({@link CrashPoints#NONE} but in crash
     * tests).
     */
    public ContainerEngine(EngineSettings settings, HostEnvironment host, Clock clock, RuntimeRegistry runtimes,
            ImageService images, SnapshotService snapshots, EventService events, CrashPoints crashes) {
        ContainerTable table = new ContainerTable();
        ContainerEvents containerEvents = new ContainerEvents(events);
        ScheduledThreadPoolExecutor executor = newExecutor();
        ctx = new EngineContext(settings, host, runtimes, images, snapshots,
                new ContainerStore(settings.containersDir(), crashes), new ExitFiles(settings.exitsDir()), table,
                containerEvents, new ExecSessions(table, containerEvents, executor), executor, newSideTasks(),
                crashes);
        creator = new ContainerCreator(ctx);
        ExitProbe exitProbe = new ExitProbe(ctx, this::recordProbedExit);
        remover = new ContainerRemover(ctx, exitProbe);
        starter = new ContainerStarter(ctx, remover);
        stopper = new ContainerStopper(ctx, exitProbe);
        signaller = new ContainerSignaller(ctx);
        renamer = new ContainerRenamer(ctx);
        lister = new ContainerLister(ctx);
        exits = new ExitRecorder(ctx, starter, remover);
        reconciler = new Reconciler(ctx, exits, remover);
        monitor = new ExitMonitor(settings.exitsDir(), exits::onExitFile);
        execs = new ExecManager(ctx, monitor);
        probes = new ContainerProbes(ctx, clock);
        resizer = new ContainerResizer(ctx);
        bootRestarts = new BootRestarts(ctx, starter);
        onRuntimeBound = name -> ctx.executor().execute(() -> {
            reconciler.reconcileRuntime(name);
            bootRestarts.runtimeBound(name);
        });
    }

    /**
     * Creates the directories, loads and reconciles the records, starts the exit monitor, then starts the
     * containers Docker restarts at daemon start ({@link BootRestarts}). Call once.
     */
    public void open() {
        EngineSettings settings = ctx.settings();
        try {
            for (Path dir : List.of(settings.containersDir(), settings.exitsDir(), settings.volumesDir(),
                    settings.runDir())) {
                Files.createDirectories(dir);
            }
            // listening first: a runtime that registers while the records are reconciled is reconciled again
            ctx.runtimes().addBindListener(onRuntimeBound);
            loadRecords();
            reconciler.reconcileAll();
            monitor.start();
            bootRestarts.startAll();
        } catch (IOException e) {
            close();
            throw new BerthException("cannot open the engine state in " + settings.root() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Engine ready in {} with {} containers", settings.root(), ctx.table().all().size());
    }

    /** Stops the monitor and background work; containers keep running. Idempotent. */
    @Override
    public void close() {
        ctx.runtimes().removeBindListener(onRuntimeBound);
        monitor.close();
        ctx.executor().shutdownNow();
        ctx.sideTasks().shutdown();
        try {
            ctx.executor().awaitTermination(5, TimeUnit.SECONDS);
            ctx.sideTasks().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An exit the {@link ExitProbe} found (the recorder is made after the helpers that use the probe). */
    private void recordProbedExit(Container container, int exitCode, String error) {
        exits.recordExit(container, exitCode, error);
    }

    /** The handler of exit notifications, for tests that deliver them by hand. */
    ExitRecorder exitRecorder() {
        return exits;
    }

    /** The {@link SystemService} view of this engine. */
    public SystemService systemService(String version) {
        return new EngineSystemInfo(ctx, version);
    }

    /** The {@link ExecService} of this engine: processes run in its containers. */
    public ExecService execService() {
        return execs;
    }

    /** The exec sessions, for tests. */
    ExecSessions execSessions() {
        return ctx.execs();
    }

    /** The {@link ImageUsage} view of this engine: containers by image id. */
    public ImageUsage imageUsage() {
        return imageId -> ctx.table().all().stream()
                .filter(container -> container.record().imageId().equals(imageId))
                .map(Container::id)
                .toList();
    }

    @Override
    public CreateResult create(ContainerSpec spec, String name) {
        return creator.create(spec, name);
    }

    @Override
    public void start(String ref) {
        starter.start(ctx.table().resolve(ref));
    }

    @Override
    public void stop(String ref, Integer timeoutSeconds, String signal) {
        stopper.stop(ctx.table().resolve(ref), timeoutSeconds, signal);
    }

    @Override
    public void kill(String ref, String signal) {
        signaller.kill(ctx.table().resolve(ref), signal);
    }

    @Override
    public void restart(String ref, Integer timeoutSeconds) {
        Container container = ctx.table().resolve(ref);
        try {
            stopper.stop(container, timeoutSeconds, null);
        } catch (NotModifiedException notRunning) {
            // Docker's restart starts a stopped container too
        }
        starter.start(container);
        ctx.events().publish(container.record(), "restart");
    }

    @Override
    public void remove(String ref, boolean force, boolean volumes) {
        remover.remove(ctx.table().resolve(ref), force, volumes);
    }

    @Override
    public CompletableFuture<WaitResult> wait(String ref, WaitCondition condition) {
        Container container = ctx.table().resolve(ref);
        container.lock();
        try {
            ContainerRecord record = container.record();
            switch (condition == null ? WaitCondition.NOT_RUNNING : condition) {
                case REMOVED:
                    return container.removal().copy();
                case NEXT_EXIT:
                    return container.nextExit().copy();
                default:
                    return record.state().running() ? container.nextExit().copy()
                            : CompletableFuture.completedFuture(
                                    new WaitResult(record.state().exitCode(), record.state().error()));
            }
        } finally {
            container.unlock();
        }
    }

    @Override
    public void pause(String ref) {
        signaller.pause(ctx.table().resolve(ref));
    }

    @Override
    public void unpause(String ref) {
        signaller.unpause(ctx.table().resolve(ref));
    }

    @Override
    public void rename(String ref, String newName) {
        renamer.rename(ctx.table().resolve(ref), newName);
    }

    @Override
    public List<ContainerInfo> list(ContainerFilter filter) {
        return lister.list(filter);
    }

    @Override
    public ContainerInfo inspect(String ref) {
        return lister.info(ctx.table().resolve(ref).record());
    }

    @Override
    public TopResult top(String ref) {
        return probes.top(ctx.table().resolve(ref));
    }

    @Override
    public ContainerStats stats(String ref) {
        return probes.stats(ctx.table().resolve(ref));
    }

    @Override
    public void resize(String ref, int height, int width) {
        resizer.resize(ctx.table().resolve(ref), height, width);
    }

    @Override
    public LogStream logs(String ref, LogOptions options) {
        Container container = ctx.table().resolve(ref);
        LogOptions effective = options == null ? LogOptions.ALL : options;
        if (!effective.stdout() && !effective.stderr()) {
            throw new InvalidArgumentException("You must choose at least one stream");
        }
        K8sFileLogReader reader = new K8sFileLogReader(ctx.store().logPath(container.id()), effective,
                () -> !container.isRemoved() && container.record().state().running());
        if (effective.follow()) {
            container.lock();
            try {
                LogWakeups.onEnd(container.nextExit(), reader);
            } finally {
                container.unlock();
            }
        }
        return reader;
    }

    @Override
    public OutputStream attachStdin(String ref) {
        Container container = ctx.table().resolve(ref);
        container.lock();
        try {
            ContainerRecord record = ContainerSignaller.requireRunning(container);
            if (!record.spec().openStdin()) {
                throw new ConflictException("Container " + record.id() + " was not created with an open stdin");
            }
            return ctx.runtimes().require(record.runtime()).openStdin(record.id());
        } finally {
            container.unlock();
        }
    }

    private void loadRecords() {
        for (ContainerRecord record : ctx.store().loadAll()) {
            try {
                ctx.table().names().reserve(record.name(), record.id());
            } catch (ConflictException e) {
                LOG.warn("Container {} keeps no name: {}", record.id(), e.getMessage());
            }
            ctx.table().add(new Container(record));
        }
    }

    /** Threads for work beside a task that holds a container's lock (they take none): as many as needed. */
    private static ExecutorService newSideTasks() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "berth-engine-side-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static ScheduledThreadPoolExecutor newExecutor() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "berth-engine-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
