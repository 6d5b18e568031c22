package io.berth.core.internal.container;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.WaitResult;
import io.berth.api.error.NotFoundException;
import io.berth.api.runtime.RuntimeStatus;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Waits for the exit of a signalled container without relying on its monitor alone. The runtime's monitor
 * (conmon) writes the exit file and the exit monitor records it within milliseconds; a monitor that is gone
 * (killed by hand) never writes it. So while a stop or a forced removal waits, the runtime is asked every
 * {@link #INTERVAL}: a container it reports stopped (or no longer knows) whose exit file is still missing one
 * interval later is recorded as exited with {@link Reconciler#UNKNOWN_EXIT_CODE} and {@link #MONITOR_GONE}.
 * Thread-safe.
 */
final class ExitProbe {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final String MONITOR_GONE = "exit code unknown: the container's monitor (conmon) was gone when it exited";

    /** Records an exit: {@link ExitRecorder#recordExit}. */
    @FunctionalInterface
    interface Recorder {
        void recordExit(Container container, int exitCode, String error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExitProbe.class);

    private final EngineContext ctx;
    private final Recorder recorder;

    ExitProbe(EngineContext ctx, Recorder recorder) {
        this.ctx = ctx;
        this.recorder = recorder;
    }

    /**
     * Waits for {@code exit}, probing the runtime meanwhile. Call without the container's lock.
     *
     * @param timeout how long; {@code null} for no bound
     * @return false when the time ran out
     */
    boolean await(Container container, CompletableFuture<WaitResult> exit, Duration timeout) {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        boolean stoppedWithoutExit = false;
        while (true) {
            Duration slice = INTERVAL;
            if (timeout != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return exit.isDone();
                }
                slice = Duration.ofNanos(Math.min(left, INTERVAL.toNanos()));
            }
            if (Waits.await(exit, slice)) {
                return true;
            }
            stoppedWithoutExit = probe(container, stoppedWithoutExit);
        }
    }

    /**
     * Asks the runtime about a container that should have exited; returns true when it has stopped without an
     * exit file (recorded at the next probe if that stays so).
     */
    private boolean probe(Container container, boolean stoppedBefore) {
        if (ctx.executor().isShutdown()) {
            return false; // this engine is closed (updated in place): the next one owns the container's records
        }
        try {
            container.lock();
        } catch (NotFoundException removed) {
            return false;
        }
        try {
            ContainerRecord record = container.record();
            if (!ExitRecorder.isLive(record.state().status()) || !ctx.runtimes().isPresent(record.runtime())
                    || !stopped(record)) {
                return false;
            }
            OptionalInt exitCode = ctx.exitFiles().read(record.id());
            if (exitCode.isPresent()) {
                recorder.recordExit(container, exitCode.getAsInt(), "");
                return false;
            }
            if (!stoppedBefore) {
                return true;
            }
            LOG.warn("Container {} has stopped, but its monitor recorded no exit: recorded as exit code {}",
                    record.id(), Reconciler.UNKNOWN_EXIT_CODE);
            recorder.recordExit(container, Reconciler.UNKNOWN_EXIT_CODE, MONITOR_GONE);
            return false;
        } finally {
            container.unlock();
        }
    }

    private boolean stopped(ContainerRecord record) {
        try {
            return ctx.runtimes().get(record.runtime()).state(record.id()).status() == RuntimeStatus.STOPPED;
        } catch (NotFoundException unknown) {
            return true;
        } catch (RuntimeException cannotTell) {
            LOG.debug("Cannot ask runtime {} about {}: {}", record.runtime(), record.id(), cannotTell.getMessage());
            return false;
        }
    }
}
