package io.berth.images.internal.snapshot;

import io.berth.common.host.ProcessUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.SnapshotService;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.TempNames;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.PinnedLayers;

/**
 * Root filesystems as plain copies: {@code snapshots/<key>/rootfs} holds the image's layers copied bottom to
 * top, each layer's whiteouts and opaque directories applied (deleting from what is below) before it is
 * copied. A snapshot is built under a temporary name and renamed into place, so a crash never leaves a
 * half-copied snapshot under its key. The layers are pinned only while they are copied: the copy outlives its
 * image. Thread-safe: calls for one key are serialized, calls for different keys run in parallel.
 */
public final class CopySnapshotService implements SnapshotService {

    private static final String ROOTFS = "rootfs";

    private final ImageStore store;
    private final Path dir;
    private final boolean copyOwnership;
    private final SnapshotKeys keys = new SnapshotKeys();

    public CopySnapshotService(ImageStore store) {
        this(store, ProcessUser.isRoot());
    }

    CopySnapshotService(ImageStore store, boolean copyOwnership) {
        this.store = store;
        this.dir = store.layout().snapshotsDir();
        this.copyOwnership = copyOwnership;
    }

    @Override
    public Path prepare(String key, String imageId) {
        validate(key);
        if (imageId == null || imageId.isEmpty()) {
            throw new InvalidArgumentException("an image id is required to prepare a snapshot");
        }
        synchronized (lockFor(key)) {
            Path existing = path(key);
            if (existing != null) {
                return existing;
            }
            PinnedLayers layers = store.pinLayersOf(imageId);
            try {
                return create(key, layers);
            } finally {
                store.release(layers);
            }
        }
    }

    private Path create(String key, PinnedLayers layers) {
        Path temp = dir.resolve(TempNames.next());
        try {
            Path rootfs = Files.createDirectories(temp.resolve(ROOTFS));
            for (int i = 0; i < layers.directories().size(); i++) {
                if (i > 0) {
                    Whiteouts.apply(rootfs, store.layers().changes(layers.diffIds().get(i)));
                }
                TreeCopier.copy(layers.directories().get(i), rootfs, copyOwnership);
            }
            AtomicFiles.moveIntoPlace(temp, dir.resolve(key));
            return dir.resolve(key).resolve(ROOTFS);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(temp);
            throw new BerthException("cannot prepare the root filesystem of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path path(String key) {
        validate(key);
        Path rootfs = dir.resolve(key).resolve(ROOTFS);
        return Files.isDirectory(rootfs, LinkOption.NOFOLLOW_LINKS) ? rootfs : null;
    }

    @Override
    public void remove(String key) {
        validate(key);
        synchronized (lockFor(key)) {
            Path snapshot = dir.resolve(key);
            if (!Files.exists(snapshot, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Path detached = dir.resolve(TempNames.next());
            try {
                Files.move(snapshot, detached, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.deleteRecursively(detached);
            } catch (IOException e) {
                throw new BerthException("cannot remove the root filesystem of " + key + ": " + e.getMessage(), e);
            }
        }
    }

    private Object lockFor(String key) {
        return keys.lockFor(key);
    }

    private static void validate(String key) {
        SnapshotKeys.validate(key);
    }
}
