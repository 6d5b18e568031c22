package io.berth.core.internal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.berth.api.image.SnapshotService;
import io.berth.core.internal.store.FileTrees;

/** Snapshots as plain directories {@code <dir>/<key>}. */
public final class FakeSnapshots implements SnapshotService {

    private final Path dir;

    public FakeSnapshots(Path dir) {
        this.dir = dir;
    }

    @Override
    public Path prepare(String key, String imageId) {
        try {
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
    public void remove(String key) {
        try {
            FileTrees.deleteRecursively(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
