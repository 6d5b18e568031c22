package io.berth.core.internal.container;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

import io.berth.api.container.ContainerStatus;
import io.berth.api.container.WaitResult;
import io.berth.api.error.NotFoundException;
import io.berth.core.internal.store.ContainerRecord;

/**
 * One container in memory: its current record, its lock and its waiters. Every change of the record, every
 * runtime call for it (except starting an exec session's process, see {@link ExecManager}) and every waiter
 * completion happens with {@link #lock()} held; reading the record needs no lock (it is an immutable value
 * in a volatile field).
 */
final class Container {

    private static final Duration FIRST_RESTART_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RESTART_DELAY = Duration.ofMinutes(1);

    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<WaitResult> removal = new CompletableFuture<>();
    private volatile ContainerRecord record;
    private volatile boolean removed;
    private CompletableFuture<WaitResult> nextExit = new CompletableFuture<>();
    private Future<?> pendingRestart;
    private Duration restartDelay = FIRST_RESTART_DELAY;
    private volatile boolean mayBeInRuntime;
    private volatile CompletableFuture<Void> runtimeDeletion = CompletableFuture.completedFuture(null);

    /**
     * A container read from disk: its runtime may still hold it (a run whose delete did not happen before the
     * engine stopped), so the first removal or start asks the runtime to delete it.
     */
    Container(ContainerRecord record) {
        this(record, true);
    }

    private Container(ContainerRecord record, boolean mayBeInRuntime) {
        this.id = record.id();
        this.record = record;
        this.mayBeInRuntime = mayBeInRuntime;
    }

    /** A container just created: no runtime has heard of it yet. */
    static Container created(ContainerRecord record) {
        return new Container(record, false);
    }

    String id() {
        return id;
    }

    ContainerRecord record() {
        return record;
    }

    ContainerStatus status() {
        return record.state().status();
    }

    /** Locks the container. @throws NotFoundException (and stays unlocked) when it was removed */
    void lock() {
        lock.lock();
        if (removed) {
            lock.unlock();
            throw new NotFoundException("No such container: " + id);
        }
    }

    void unlock() {
        lock.unlock();
    }

    boolean isRemoved() {
        return removed;
    }

    /** Replaces the in-memory record; the caller persists it. Lock held. */
    void setRecord(ContainerRecord newRecord) {
        record = newRecord;
    }

    /** Completes when the current (or next) run ends. Lock held. */
    CompletableFuture<WaitResult> nextExit() {
        return nextExit;
    }

    /** Completes when the container has been removed. */
    CompletableFuture<WaitResult> removal() {
        return removal;
    }

    /** Answers everyone waiting for this run's end. Lock held. */
    void completeExit(WaitResult result) {
        CompletableFuture<WaitResult> ended = nextExit;
        nextExit = new CompletableFuture<>();
        ended.complete(result);
    }

    /** Marks the container removed and answers every waiter. Lock held. */
    void markRemoved(WaitResult result) {
        removed = true;
        cancelPendingRestart();
        nextExit.completeExceptionally(new NotFoundException("No such container: " + id));
        removal.complete(result);
    }

    /**
     * False only when this engine knows that no runtime holds the container: it was never handed to one, or
     * the runtime has deleted it since. Lock held.
     */
    boolean mayBeInRuntime() {
        return mayBeInRuntime;
    }

    /**
     * Records that a runtime is about to hold the container ({@code true}, lock held) or has deleted it (also by
     * a {@link #runtimeDeletion()} that runs without the lock).
     */
    void setMayBeInRuntime(boolean value) {
        mayBeInRuntime = value;
    }

    /** The runtime's delete started without waiting for it, done when there is none; it never fails. */
    CompletableFuture<Void> runtimeDeletion() {
        return runtimeDeletion;
    }

    /** Lock held. */
    void setRuntimeDeletion(CompletableFuture<Void> deletion) {
        runtimeDeletion = deletion;
    }

    /** Remembers the scheduled restart so that stop and remove can cancel it. Lock held. */
    void setPendingRestart(Future<?> restart) {
        pendingRestart = restart;
    }

    /** Lock held. */
    boolean hasPendingRestart() {
        return pendingRestart != null && !pendingRestart.isDone();
    }

    /** Lock held. */
    void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }

    /**
     * Docker's restart back-off: 100 ms, doubling up to a minute, back to 100 ms after a run of at least
     * ten seconds. Lock held.
     */
    Duration nextRestartDelay(Duration lastRun) {
        if (lastRun.compareTo(Duration.ofSeconds(10)) >= 0) {
            restartDelay = FIRST_RESTART_DELAY;
        }
        Duration delay = restartDelay;
        Duration doubled = restartDelay.multipliedBy(2);
        restartDelay = doubled.compareTo(MAX_RESTART_DELAY) > 0 ? MAX_RESTART_DELAY : doubled;
        return delay;
    }
}
