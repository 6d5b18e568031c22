package io.berth.core.internal.container;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.Mount;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotModifiedException;
import io.berth.api.error.UnavailableException;
import io.berth.api.runtime.OciRuntime;
import io.berth.api.runtime.RuntimeCreateRequest;
import io.berth.core.internal.faults.CrashPoints.Point;
import io.berth.core.internal.oci.BundleInputs;
import io.berth.core.internal.oci.EtcFiles;
import io.berth.core.internal.oci.OciSpecWriter;
import io.berth.core.internal.oci.ProcessUser;
import io.berth.core.internal.oci.UserResolver;
import io.berth.core.internal.store.ContainerRecord;
import io.berth.core.internal.timing.Phases;

/**
 * Starts containers: prepares the root filesystem, resolves the user in it, writes the {@code /etc} files and
 * the OCI bundle, has the runtime create and start it. A failed start leaves the container EXITED with
 * Docker's exit code (127 command not found, 126 not executable, 128 otherwise) and the message (the
 * runtime's, or the engine's for an unknown user); an absent runtime, or one that cannot run anything now (its
 * binary gone), changes nothing.
 */
final class ContainerStarter {

    private final EngineContext ctx;
    private final ContainerRemover remover;
    private final OciSpecWriter specWriter;

    ContainerStarter(EngineContext ctx, ContainerRemover remover) {
        this.ctx = ctx;
        this.remover = remover;
        this.specWriter = new OciSpecWriter(ctx.host(), ctx.settings().cgroupParent());
    }

    /** Starts a created or exited container on behalf of a user. */
    void start(Container container) {
        container.lock();
        try {
            startLocked(container, false);
        } finally {
            container.unlock();
        }
    }

    /**
     * Starts the container. Lock held.
     *
     * @param byPolicy the restart policy asks (keeps the restart count; a user start resets it)
     */
    void startLocked(Container container, boolean byPolicy) {
        ContainerRecord record = container.record();
        checkStartable(record);
        OciRuntime runtime = ctx.runtimes().require(record.runtime());
        container.cancelPendingRestart();
        ctx.deleteFromRuntimeQuietly(container, record, true);
        if (!byPolicy && record.restartCount() != 0) {
            ctx.commit(container, record.withRestartCount(0));
        }
        try {
            launch(container, runtime);
        } catch (UnavailableException e) {
            // not the container's failure: it keeps its state; whatever the runtime got to create is deleted
            // now if it can be, else by the next start, removal or reconciliation
            ctx.deleteFromRuntimeQuietly(container, container.record(), true);
            throw e;
        } catch (RuntimeException e) {
            recordFailure(container, e);
            throw e;
        }
        ctx.events().publish(container.record(), "start");
    }

    /** Docker's exit code for a start that failed with this message. */
    static int exitCodeFor(String message) {
        return exitCodeFor(message, 128);
    }

    /** 127 for a program that was not found, 126 for one that may not be run, else {@code otherwise}. */
    static int exitCodeFor(String message, int otherwise) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("executable file not found") || lower.contains("no such file or directory")) {
            return 127;
        }
        return lower.contains("permission denied") ? 126 : otherwise;
    }

    private static void checkStartable(ContainerRecord record) {
        switch (record.state().status()) {
            case RUNNING:
                throw new NotModifiedException("container already started");
            case PAUSED:
                throw new ConflictException("cannot start a paused container, try unpause instead");
            case REMOVING:
                throw new ConflictException("container is marked for removal and cannot be started");
            case DEAD:
                throw new ConflictException("cannot start a dead container");
            default:
                break;
        }
    }

    private void launch(Container container, OciRuntime runtime) {
        ContainerRecord record = container.record();
        String id = record.id();
        Path bundle = ctx.store().bundleDir(id);
        writeBundle(record, bundle);
        ctx.exitFiles().delete(id);
        PidFile.delete(bundle);
        container.setMayBeInRuntime(true);
        long begin = Phases.begin();
        runtime.create(new RuntimeCreateRequest(id, bundle, ctx.store().logPath(id), ctx.exitFiles().dir(),
                record.spec().tty(), record.spec().openStdin()));
        Phases.end(id, "runtime create", begin);
        ctx.crashes().reach(Point.START_AFTER_RUNTIME_CREATE);
        int created = PidFile.read(bundle);
        if (created > 0) {
            startWhileRecording(container, runtime, created);
        } else {
            startRuntime(runtime, id);
            ctx.crashes().reach(Point.START_AFTER_RUNTIME_START);
            commitRunning(container, pidOf(runtime, id));
        }
        ctx.crashes().reach(Point.START_AFTER_RECORD_WRITE);
    }

    /**
     * The runtime starts the process on a side task while the RUNNING record (with the pid the runtime created)
     * is written: the two take about as long, one process and a durable write. A start that fails then leaves the
     * container EXITED ({@link #recordFailure}), a crash in between one the {@link Reconciler} settles: a
     * RUNNING record whose process never started becomes an exit, a process that did start is adopted. A failed
     * start puts the record before it back first (the caller records the failure, or keeps it for an absent
     * runtime).
     */
    private void startWhileRecording(Container container, OciRuntime runtime, int pid) {
        String id = container.id();
        CompletableFuture<Void> starting = ctx.beside(() -> startRuntime(runtime, id));
        ContainerRecord before = container.record();
        try {
            commitRunning(container, pid);
        } finally {
            try {
                starting.join();
            } catch (CompletionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException cause ? cause : e;
                ctx.commitBack(container, before, failure);
                throw failure;
            }
        }
        ctx.crashes().reach(Point.START_AFTER_RUNTIME_START);
    }

    private static void startRuntime(OciRuntime runtime, String id) {
        long begin = Phases.begin();
        runtime.start(id);
        Phases.end(id, "runtime start", begin);
    }

    private void commitRunning(Container container, int pid) {
        ContainerRecord record = container.record();
        ContainerState running = new ContainerState(ContainerStatus.RUNNING, pid, 0, "", false,
                Instant.now(), record.state().finishedAt());
        ctx.commit(container, record.withState(running).withManuallyStopped(false));
    }

    /**
     * Prepares the root filesystem, resolves the user in it, writes the {@code /etc} files and the spec.
     *
     * @throws io.berth.api.error.InvalidArgumentException for an unknown user or group, a vanished bind source
     */
    private void writeBundle(ContainerRecord record, Path bundle) {
        long begin = Phases.begin();
        Path rootfs = ctx.snapshots().prepare(record.id(), record.imageId());
        Phases.end(record.id(), "snapshot prepare", begin);
        ctx.crashes().reach(Point.START_AFTER_SNAPSHOT_PREPARE);
        begin = Phases.begin();
        ProcessUser user = UserResolver.resolve(rootfs, record.spec().user());
        try {
            List<Mount> mounts = VolumeMounts.resolve(record.spec().mounts(), ctx.settings().volumesDir());
            EtcFiles etcFiles = EtcFiles.in(ctx.store().dir(record.id()));
            etcFiles.write(record.spec(), ctx.host());
            specWriter.write(bundle, new BundleInputs(record, rootfs, mounts, user, etcFiles));
        } catch (IOException e) {
            throw new BerthException("cannot write the OCI bundle of " + record.id() + ": " + e.getMessage(), e);
        }
        Phases.end(record.id(), "bundle write", begin);
        ctx.crashes().reach(Point.START_AFTER_BUNDLE_WRITE);
    }

    /** The pid the runtime reports, for runtimes that leave no pid file; 0 when it cannot tell. */
    private static int pidOf(OciRuntime runtime, String id) {
        long begin = Phases.begin();
        try {
            return runtime.state(id).pid();
        } catch (RuntimeException e) {
            return 0;
        } finally {
            Phases.end(id, "runtime state", begin);
        }
    }

    private void recordFailure(Container container, RuntimeException failure) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.toString();
        int exitCode = exitCodeFor(message);
        ContainerRecord record = container.record();
        ContainerState exited = new ContainerState(ContainerStatus.EXITED, 0, exitCode, message, false,
                record.state().startedAt(), Instant.now());
        try {
            ctx.commit(container, record.withState(exited));
        } catch (RuntimeException saveFailure) {
            failure.addSuppressed(saveFailure);
        }
        ctx.deleteFromRuntimeQuietly(container, record, true);
        container.completeExit(new WaitResult(exitCode, message));
        if (record.spec().autoRemove()) {
            // as dockerd does: a container that was to be removed at its exit is removed when it cannot start
            ctx.executor().execute(() -> remover.removeAfterExit(container));
        }
    }
}
