package io.berth.api.container;

import java.time.Instant;

/**
 * The observed state of a container.
 *
 * @param status     lifecycle status
 * @param pid        host pid of the container's init process, 0 when not running
 * @param exitCode   exit code of the last run, 0 before the first exit
 * @param error      why the last start failed, empty when it did not
 * @param oomKilled  whether the last run ended by the OOM killer
 * @param startedAt  start of the last run, {@code null} if never started
 * @param finishedAt end of the last run, {@code null} if never finished
 */
public record ContainerState(ContainerStatus status, int pid, int exitCode, String error, boolean oomKilled,
        Instant startedAt, Instant finishedAt) {

    public ContainerState {
        error = error == null ? "" : error;
    }

    /** True for running and paused containers: a process exists. */
    public boolean running() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED
                || status == ContainerStatus.RESTARTING;
    }

    public boolean paused() {
        return status == ContainerStatus.PAUSED;
    }
}
