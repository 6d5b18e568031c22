package io.berth.core.internal.container;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.berth.api.container.ContainerStatus;
import io.berth.api.container.ExecInfo;
import io.berth.api.container.ExecService;
import io.berth.api.container.ExecSpec;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeExecRequest;
import io.berth.core.internal.logs.K8sFileLogReader;
import io.berth.core.internal.monitor.ExitMonitor;
import io.berth.core.internal.oci.OciSpecWriter;
import io.berth.core.internal.oci.ProcessUser;
import io.berth.core.internal.oci.UserResolver;
import io.berth.core.internal.store.ContainerRecord;

/**
 * The engine's {@link ExecService}, with Docker's semantics: create checks the command and that the container
 * runs; start resolves the user (the exec's or the container's, against the container's root filesystem),
 * builds the environment (Docker's base variables, the container's, the exec's) and working directory, has
 * the runtime run the process and watches the session's exit directory. A start that fails after the
 * session was claimed ends it with Docker's code (127 for a missing executable, 126 otherwise) and throws.
 * Events: {@code exec_create: CMD}, {@code exec_start: CMD}, {@code exec_die}. Resize follows Docker's
 * {@code ContainerExecResize} (see {@link #resize}). The runtime's exec runs
 * without the container's lock: an exec does not hold up stop or kill of its container. Thread-safe.
 */
final class ExecManager implements ExecService {

    /** Docker's exit code for an exec that could not be started. */
    static final int CANNOT_START = 126;

    private final EngineContext ctx;
    private final ExitMonitor monitor;

    ExecManager(EngineContext ctx, ExitMonitor monitor) {
        this.ctx = ctx;
        this.monitor = monitor;
    }

    @Override
    public String create(String containerRef, ExecSpec spec) {
        if (spec == null || spec.cmd().isEmpty()) {
            throw new InvalidArgumentException("No exec command specified");
        }
        Container container = ctx.table().resolve(containerRef);
        ExecSession session;
        container.lock();
        try {
            // under the lock, so that a removal cannot slip between the check and the session's directory
            ContainerRecord record = requireExecutable(container);
            String id = newId();
            session = new ExecSession(id, record, spec, ctx.store().dir(record.id()).resolve("exec").resolve(id));
            Files.createDirectories(session.exitsDir());
            ctx.execs().add(session);
        } catch (IOException e) {
            throw new BerthException("cannot create an exec session in " + container.id() + ": " + e.getMessage(), e);
        } finally {
            container.unlock();
        }
        ctx.events().publish(session.containerAtCreation(), "exec_create: " + session.commandLine(),
                Map.of("execID", session.id()));
        return session.id();
    }

    @Override
    public void start(String execId) {
        ExecSession session = ctx.execs().require(execId);
        session.claimStart();
        Container container = ctx.table().byId(session.containerId());
        ContainerRecord record;
        OciRuntime runtime;
        try {
            if (container == null) {
                throw new ConflictException("Container " + session.containerId() + " is not running");
            }
            record = runningRecord(container);
            runtime = ctx.runtimes().require(record.runtime());
        } catch (RuntimeException refused) {
            session.releaseStart();
            throw refused;
        }
        try {
            launch(session, record, runtime);
            session.launched();
        } catch (RuntimeException failure) {
            String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
            ctx.execs().failStart(session, ContainerStarter.exitCodeFor(message, CANNOT_START));
            throw failure;
        }
    }

    @Override
    public LogStream output(String execId, boolean follow) {
        ExecSession session = ctx.execs().require(execId);
        LogOptions options = new LogOptions(follow, null, null, -1, false, true, true);
        K8sFileLogReader reader = new K8sFileLogReader(session.logPath(), options,
                () -> !session.hasEnded() && ctx.execs().contains(session.id()));
        if (follow) {
            LogWakeups.onEnd(session.exit(), reader);
        }
        return reader;
    }

    @Override
    public OutputStream attachStdin(String execId) {
        ExecSession session = ctx.execs().require(execId);
        if (!session.spec().attachStdin()) {
            throw new ConflictException("exec " + execId + " was not created with attachStdin");
        }
        if (!session.isRunning()) {
            throw new ConflictException("exec " + execId + " is not running");
        }
        Container container = ctx.table().resolve(session.containerId());
        return ctx.runtimes().require(container.record().runtime()).openExecStdin(session.containerId(),
                session.dir());
    }

    @Override
    public CompletableFuture<Integer> waitFor(String execId) {
        return ctx.execs().require(execId).exit();
    }

    @Override
    public ExecInfo inspect(String execId) {
        return ctx.execs().require(execId).info();
    }

    /**
     * Docker's exec resize: the container must run (not paused or restarting); a session whose start is under
     * way is waited for, up to {@link ExecSessions#readyTimeout()}; the runtime is called, with the container's
     * lock held, only for a session with a terminal.
     */
    @Override
    public void resize(String execId, int height, int width) {
        TerminalSizes.check(height, width);
        ExecSession session = ctx.execs().require(execId);
        Container container = ctx.table().byId(session.containerId());
        if (container == null) {
            throw new NotFoundException("No such container: " + session.containerId());
        }
        runningRecord(container);
        if (!session.awaitSettled(ctx.execs().readyTimeout())) {
            throw new BerthException("timeout waiting for exec session ready");
        }
        if (session.startFailed()) {
            throw new InvalidArgumentException("exec process is not started");
        }
        if (!session.spec().tty()) {
            return;
        }
        container.lock();
        try {
            ContainerRecord record = requireExecutable(container);
            if (session.hasEnded()) {
                throw new ConflictException("exec " + execId + " is not running");
            }
            ctx.runtimes().require(record.runtime()).resizeExec(record.id(), session.dir(), height, width);
        } finally {
            container.unlock();
        }
    }

    private void launch(ExecSession session, ContainerRecord record, OciRuntime runtime) {
        ExecSpec spec = session.spec();
        String userSpec = blank(spec.user()) ? record.spec().user() : spec.user();
        ProcessUser user = UserResolver.resolve(ctx.snapshots().path(record.id()), userSpec);
        List<String> env = OciSpecWriter.execEnvironment(record.spec(), spec.tty(), spec.env(), user);
        String cwd = !blank(spec.workingDir()) ? spec.workingDir()
                : !blank(record.spec().workingDir()) ? record.spec().workingDir() : "/";
        RuntimeExecRequest request = new RuntimeExecRequest(session.id(), spec.cmd(), env, cwd, user.uid(),
                user.gid(), spec.tty(), spec.attachStdin(), session.dir(), session.logPath(), session.exitsDir());
        session.watching(watchExit(session));
        ctx.events().publish(record, "exec_start: " + session.commandLine(), Map.of("execID", session.id()));
        runtime.exec(record.id(), request);
    }

    private ExitMonitor.Watch watchExit(ExecSession session) {
        try {
            return monitor.watch(session.exitsDir(), (name, code) -> {
                if (name.equals(session.containerId())) {
                    ctx.execs().end(session, code);
                }
            });
        } catch (IOException | IllegalStateException e) {
            throw new BerthException("cannot watch the exit of exec " + session.id() + ": " + e.getMessage(), e);
        }
    }

    /** The record of a running container. @throws ConflictException when it is not running or paused */
    private static ContainerRecord runningRecord(Container container) {
        container.lock();
        try {
            return requireExecutable(container);
        } finally {
            container.unlock();
        }
    }

    /** Lock held. */
    private static ContainerRecord requireExecutable(Container container) {
        ContainerRecord record = ContainerSignaller.requireRunning(container);
        if (record.state().status() == ContainerStatus.PAUSED) {
            throw new ConflictException("Container " + record.id() + " is paused, unpause the container before exec");
        }
        return record;
    }

    private String newId() {
        String id;
        do {
            id = ContainerIds.generate();
        } while (ctx.execs().contains(id));
        return id;
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
