package io.berth.core.internal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.berth.api.error.UnavailableException;
import io.berth.api.image.SnapshotService;
import io.berth.core.internal.store.FileTrees;

/** Snapshots as plain directories {@code <dir>/<key>}, "mounted" from {@link #prepare} to {@link #unmount}. */
public final class FakeSnapshots implements SnapshotService {

    private final Path dir;
    private final AtomicInteger unavailableRemovals = new AtomicInteger();
    private final Set<String> mounted = ConcurrentHashMap.newKeySet();

    public FakeSnapshots(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path prepare(String key, String imageId) {
        try {
            mounted.add(key);
            return Files.createDirectories(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path path(String key) {
        Path path = dir.resolve(key);
        return Files.isDirectory(path) ? path : null;
    }

    @Override
    public void unmount(String key) {
        mounted.remove(key);
    }

    /** Whether the snapshot of {@code key} is prepared and not unmounted or removed since. */
    public boolean isMounted(String key) {
        return mounted.contains(key);
    }

    /** The next {@code count} removals fail as when native mounts are not bound yet. */
    public void failRemovals(int count) {
        unavailableRemovals.set(count);
    }

    @Override
    public void remove(String key) {
        if (unavailableRemovals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new UnavailableException("native mounts (bundle berth-native) are not available");
        }
        mounted.remove(key);
        try {
            FileTrees.deleteRecursively(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
