package io.berth.core.internal.container;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.container.ContainerStatus;
import io.berth.api.container.RestartPolicy;
import io.berth.api.error.NotFoundException;
import io.berth.core.internal.store.ContainerRecord;

/**
 * Docker's restart policies at daemon start: once the records are reconciled, every exited container that
 * ran before and has policy {@code always}, or {@code unless-stopped} without a user's stop, is started again
 * on the engine's executor. A container whose runtime is absent is started when that runtime registers —
 * once: later re-registrations of a runtime (a bundle update) never start containers. Thread-safe.
 */
final class BootRestarts {

    private static final Logger LOG = LoggerFactory.getLogger(BootRestarts.class);

    private final EngineContext ctx;
    private final ContainerStarter starter;
    private final Set<String> awaitingRuntime = ConcurrentHashMap.newKeySet();

    BootRestarts(EngineContext ctx, ContainerStarter starter) {
        this.ctx = ctx;
        this.starter = starter;
    }

    /** Whether the engine's start restarts this container. */
    static boolean applies(ContainerRecord record) {
        if (record.state().status() != ContainerStatus.EXITED || record.state().startedAt() == null) {
            return false;
        }
        RestartPolicy.Mode mode = record.spec().restartPolicy().mode();
        return mode == RestartPolicy.Mode.ALWAYS
                || (mode == RestartPolicy.Mode.UNLESS_STOPPED && !record.manuallyStopped());
    }

    /** At engine start, after reconciliation: starts (in the background) every container that qualifies. */
    void startAll() {
        for (Container container : ctx.table().all()) {
            ContainerRecord record = container.record();
            if (!applies(record)) {
                continue;
            }
            if (ctx.runtimes().isPresent(record.runtime())) {
                submit(container);
            } else {
                awaitingRuntime.add(container.id());
            }
        }
    }

    /** A runtime registered: starts the containers that waited for it since the engine started. */
    void runtimeBound(String runtime) {
        for (String id : Set.copyOf(awaitingRuntime)) {
            Container container = ctx.table().byId(id);
            if (container == null || runtime.equals(container.record().runtime())) {
                awaitingRuntime.remove(id);
                if (container != null) {
                    submit(container);
                }
            }
        }
    }

    private void submit(Container container) {
        try {
            ctx.executor().execute(() -> start(container));
        } catch (RejectedExecutionException closing) {
            LOG.debug("Engine closing; container {} is not restarted", container.id());
        }
    }

    private void start(Container container) {
        try {
            container.lock();
        } catch (NotFoundException removed) {
            return;
        }
        try {
            if (applies(container.record())) {
                LOG.info("Starting container {} by its restart policy", container.id());
                starter.startLocked(container, true);
            }
        } catch (RuntimeException e) {
            LOG.warn("Container {} could not be restarted at engine start: {}", container.id(), e.getMessage());
        } finally {
            container.unlock();
        }
    }
}
