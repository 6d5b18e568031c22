package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.TempNames;

/**
 * How snapshot directories go: renamed away under a temporary name in the snapshots directory (so the key is free
 * at once), then deleted by one background thread, without following links or crossing into other file systems.
 * What a crash or {@link #close()} leaves under temporary names is deleted at the next start
 * ({@code StoreJanitor}). Thread-safe.
 */
final class SnapshotDeletions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDeletions.class);

    private final Path dir;
    private final ExecutorService deleter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "berth-snapshot-deleter");
        thread.setDaemon(true);
        return thread;
    });

    /** @param dir the snapshots directory */
    SnapshotDeletions(Path dir) {
        this.dir = dir;
    }

    /** Renames the snapshot away, so it vanishes from its key at once; returns where it went. */
    Path detach(String key, Path snapshot) {
        Path detached = dir.resolve(TempNames.next());
        try {
            Files.move(snapshot, detached, StandardCopyOption.ATOMIC_MOVE);
            return detached;
        } catch (IOException e) {
            throw new BerthException("cannot remove the root filesystem of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a detached snapshot on the background thread, or at once while closing. */
    void deleteLater(String key, Path detached) {
        try {
            deleter.execute(() -> deleteNow(key, detached));
        } catch (RejectedExecutionException closed) {
            deleteNow(key, detached);
        }
    }

    /** Deletes a detached snapshot now; a failure is logged (the next start deletes what is left). */
    static void deleteNow(String key, Path detached) {
        try {
            FileTrees.deleteRecursively(detached);
        } catch (IOException e) {
            LOG.warn("could not delete the root filesystem of {} ({}); it is removed at the next start", key,
                    e.getMessage());
        }
    }

    /** Waits until the deletions asked for so far are done. */
    void await() {
        try {
            deleter.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            // closed: nothing runs any more
        }
    }

    /** Finishes the deletions under way (for up to ten seconds); later ones run at once. */
    @Override
    public void close() {
        deleter.shutdown();
        try {
            if (!deleter.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("root filesystems still being deleted; the rest is deleted at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
