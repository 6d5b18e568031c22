package io.berth.core.internal.container;

import io.berth.core.internal.store.ContainerRecord;

/**
 * Docker's {@code ContainerResize}: a running (or paused) container's terminal gets the new size through its
 * runtime, with the container's lock held, and the {@code resize} event carries it. A container created
 * without a terminal accepts the call with no runtime call, as containerd's shim answers it. Thread-safe.
 */
final class ContainerResizer {

    private final EngineContext ctx;

    ContainerResizer(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @throws io.berth.api.error.ConflictException        "Container ID is not running" (or restarting)
     * @throws io.berth.api.error.InvalidArgumentException for a size out of range
     */
    void resize(Container container, int height, int width) {
        TerminalSizes.check(height, width);
        container.lock();
        try {
            ContainerRecord record = ContainerSignaller.requireRunning(container);
            if (record.spec().tty()) {
                ctx.runtimes().require(record.runtime()).resize(record.id(), height, width);
            }
            ctx.events().publish(record, "resize", TerminalSizes.attributes(height, width));
        } finally {
            container.unlock();
        }
    }
}
