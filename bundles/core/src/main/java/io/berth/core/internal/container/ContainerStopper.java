package io.berth.core.internal.container;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerState;
import io.berth.api.container.ContainerStatus;
import io.berth.api.container.WaitResult;
import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.error.NotFoundException;
import io.berth.api.error.NotModifiedException;
import io.berth.api.runtime.OciRuntime;
import io.berth.core.internal.faults.CrashPoints.Point;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Stops containers as Docker does: the stop signal, a bounded wait for the exit (answered by the exit
 * monitor; the runtime is asked only when no exit comes, see {@link ExitProbe}), then SIGKILL and another
 * wait. The lock is held only around runtime calls, never while waiting, so the exit can be recorded
 * meanwhile. A stopped container is not restarted by its policy. A signal the runtime cannot send (not
 * ready, failing) fails the stop at once; only a process that is already gone is not an error.
 */
final class ContainerStopper {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerStopper.class);

    private final EngineContext ctx;
    private final ExitProbe exits;

    ContainerStopper(EngineContext ctx, ExitProbe exits) {
        this.ctx = ctx;
        this.exits = exits;
    }

    /**
     * Stops the container; may block for the timeout plus {@link ContainerRemover#KILL_WAIT}.
     *
     * @param timeoutSeconds {@code null} for the container's or the engine's stop timeout, negative for none
     * @param signal         {@code null} for the container's stop signal
     * @throws NotModifiedException "container already stopped" when no process runs
     */
    void stop(Container container, Integer timeoutSeconds, String signal) {
        CompletableFuture<WaitResult> exit = signalForStop(container, signal);
        if (exit == null) {
            return;
        }
        if (!exits.await(container, exit, timeout(container.record(), timeoutSeconds))) {
            killAfterTimeout(container);
            if (!exits.await(container, exit, ContainerRemover.KILL_WAIT)) {
                throw new BerthException("container " + container.id() + " did not exit after SIGKILL");
            }
        }
        ctx.events().publish(container.record(), "stop");
    }

    /** Sends the stop signal; returns the exit to wait for, or null when a pending restart was cancelled. */
    private CompletableFuture<WaitResult> signalForStop(Container container, String signal) {
        container.lock();
        try {
            ContainerRecord record = container.record();
            if (record.state().status() == ContainerStatus.RESTARTING) {
                cancelRestart(container, record);
                return null;
            }
            if (!ExitRecorder.isLive(record.state().status())) {
                throw new NotModifiedException("container already stopped");
            }
            int number = Signals.parse(signal != null ? signal : record.spec().stopSignal());
            OciRuntime runtime = ctx.runtimes().require(record.runtime());
            ctx.commit(container, record.withManuallyStopped(true));
            ctx.crashes().reach(Point.STOP_AFTER_STOP_MARK);
            resumeIfPaused(container, runtime);
            CompletableFuture<WaitResult> exit = container.nextExit();
            sendQuietly(runtime, container.record(), number, false);
            ctx.crashes().reach(Point.STOP_AFTER_SIGNAL);
            return exit;
        } finally {
            container.unlock();
        }
    }

    private void killAfterTimeout(Container container) {
        container.lock();
        try {
            ContainerRecord record = container.record();
            if (ExitRecorder.isLive(record.state().status())) {
                sendQuietly(ctx.runtimes().require(record.runtime()), record, Signals.SIGKILL, true);
            }
        } finally {
            container.unlock();
        }
    }

    private void cancelRestart(Container container, ContainerRecord record) {
        container.cancelPendingRestart();
        ContainerState exited = ExitRecorder.withStatus(record.state(), ContainerStatus.EXITED);
        ctx.commit(container, record.withState(exited).withManuallyStopped(true));
        ctx.events().publish(container.record(), "stop");
    }

    /** Docker keeps stop working on a paused container: thaw it so that it can receive the signal. */
    private void resumeIfPaused(Container container, OciRuntime runtime) {
        ContainerRecord record = container.record();
        if (record.state().status() == ContainerStatus.PAUSED) {
            runtime.resume(record.id());
            ctx.commit(container, record.withState(
                    ExitRecorder.withStatus(record.state(), ContainerStatus.RUNNING)));
        }
    }

    /**
     * Signals the container; a process that is already gone is not an error here. Lock held.
     *
     * @throws BerthException when the runtime cannot send the signal (not ready, failing)
     */
    private void sendQuietly(OciRuntime runtime, ContainerRecord record, int signal, boolean all) {
        try {
            runtime.kill(record.id(), signal, all);
        } catch (ConflictException | NotFoundException gone) {
            LOG.debug("Signal {} to {} failed: {}", signal, record.id(), gone.getMessage());
        }
        ctx.events().publish(record, "kill", Map.of("signal", Integer.toString(signal)));
    }

    private Duration timeout(ContainerRecord record, Integer requested) {
        int seconds = requested != null ? requested
                : record.spec().stopTimeout() != null ? record.spec().stopTimeout()
                : ctx.settings().stopTimeoutSeconds();
        return seconds < 0 ? null : Duration.ofSeconds(seconds);
    }
}
