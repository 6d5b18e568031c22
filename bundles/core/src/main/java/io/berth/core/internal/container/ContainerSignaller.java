package io.berth.core.internal.container;

import java.util.Map;

import io.berth.api.container.ContainerStatus;
import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.runtime.OciRuntime;
import io.berth.core.internal.store.ContainerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill, pause and unpause: single runtime calls guarded by Docker's state checks and messages. Thread-safe;
 * each call holds the container's lock.
 */
final class ContainerSignaller {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerSignaller.class);

    private final EngineContext ctx;

    ContainerSignaller(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Sends a signal ({@code null} for SIGKILL). Like Docker, SIGKILL or the container's stop signal counts
     * as a user's stop: the restart policy does not restart it.
     */
    void kill(Container container, String signal) {
        int number = Signals.parse(signal == null ? "SIGKILL" : signal);
        container.lock();
        try {
            ContainerRecord record = requireRunning(container);
            OciRuntime runtime = ctx.runtimes().require(record.runtime());
            boolean stops = number == Signals.SIGKILL || number == Signals.parse(record.spec().stopSignal());
            if (stops) {
                ctx.commit(container, record.withManuallyStopped(true));
            }
            runtime.kill(record.id(), number, false);
            if (stops && record.state().status() == ContainerStatus.PAUSED) {
                resumeAfterKill(runtime, record.id());
                setStatus(container, ContainerStatus.RUNNING);
            }
            ctx.events().publish(record, "kill", Map.of("signal", Integer.toString(number)));
        } finally {
            container.unlock();
        }
    }

    void pause(Container container) {
        container.lock();
        try {
            ContainerRecord record = requireRunning(container);
            if (record.state().status() == ContainerStatus.PAUSED) {
                throw new ConflictException("Container " + record.id() + " is already paused");
            }
            ctx.runtimes().require(record.runtime()).pause(record.id());
            setStatus(container, ContainerStatus.PAUSED);
            ctx.events().publish(record, "pause");
        } finally {
            container.unlock();
        }
    }

    void unpause(Container container) {
        container.lock();
        try {
            ContainerRecord record = container.record();
            if (record.state().status() != ContainerStatus.PAUSED) {
                throw new ConflictException("Container " + record.id() + " is not paused");
            }
            ctx.runtimes().require(record.runtime()).resume(record.id());
            setStatus(container, ContainerStatus.RUNNING);
            ctx.events().publish(record, "unpause");
        } finally {
            container.unlock();
        }
    }

    /** The record of a running or paused container. Lock held. */
    static ContainerRecord requireRunning(Container container) {
        ContainerRecord record = container.record();
        if (record.state().status() == ContainerStatus.RESTARTING) {
            throw new ConflictException("Container " + record.id()
                    + " is restarting, wait until the container is running");
        }
        if (!ExitRecorder.isLive(record.state().status())) {
            throw new ConflictException("Container " + record.id() + " is not running");
        }
        return record;
    }

    private void setStatus(Container container, ContainerStatus status) {
        ContainerRecord record = container.record();
        ctx.commit(container, record.withState(ExitRecorder.withStatus(record.state(), status)));
    }

    /**
     * Thaws a paused container so that a stopping signal takes effect. Some runtimes thaw it themselves on
     * SIGKILL (runc), and the container may be gone already: that is not an error.
     */
    private static void resumeAfterKill(OciRuntime runtime, String id) {
        try {
            runtime.resume(id);
        } catch (BerthException e) {
            LOG.debug("Resume of {} after a stopping signal: {}", id, e.getMessage());
        }
    }
}
