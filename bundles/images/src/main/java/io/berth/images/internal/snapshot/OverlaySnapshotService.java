package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.SnapshotService;
import io.berth.common.host.MountTable;
import io.berth.common.host.ProcessUser;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.files.PosixAttributes;
import io.berth.images.internal.files.TempNames;
import io.berth.images.internal.layer.LayerChanges;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerHolders;
import io.berth.images.internal.store.PinnedLayers;
import io.berth.nativeio.FileNodes;

/**
 * Root filesystems as overlay mounts, with copies as the fallback. A new snapshot is an overlay when
 * {@link OverlaySupport} allows it: {@code snapshots/<key>/} holds {@code overlay.json} (image and layers),
 * {@code upper/} (the container's changes), {@code work/} and {@code merged/}, on which the image's layers (top
 * first) and {@code upper/} are mounted. Otherwise — not root, no native mounts, overlay unusable, too many
 * layers for one mount, the mount failing, or whiteouts above the bottom layer without native file nodes — it is a
 * {@link CopySnapshotService copy} in
 * {@code snapshots/<key>/rootfs}. The kind of an existing snapshot is read from its directory, so both kinds
 * coexist and survive restarts.
 *
 * <p>Whiteouts: layers record them as metadata ({@code LayerChanges}), never as files, so unpacking needs no
 * privilege. An overlay snapshot of an image with whiteouts gets them in overlayfs's form
 * ({@link OverlayWhiteouts}: 0/0 character devices and {@code trusted.overlay.opaque=y}, made through the native
 * {@link FileNodes}) in its own {@code whiteouts/} directory; without {@link FileNodes} such an image gets a
 * copy, with the deletions applied layer by layer.
 *
 * <p>An overlay snapshot keeps its layers pinned in the store until it is removed (also across restarts,
 * through {@link #layerHolders()}): removing the image keeps its layers until the last snapshot goes. A removal
 * unmounts the overlay and renames its directory away before it returns; the renamed directory's files are
 * deleted by a background thread ({@link SnapshotDeletions}).
 * Thread-safe: calls for one key are serialized, calls for different keys run in parallel.
 */
public final class OverlaySnapshotService implements SnapshotService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OverlaySnapshotService.class);
    static final String UPPER = "upper";
    static final String WORK = "work";
    static final String MERGED = "merged";

    private final ImageStore store;
    private final CopySnapshotService copies;
    private final OverlaySupport overlays;
    private final OverlayMounter mounter;
    private final Path dir;
    private final boolean copyOwnership;
    private final SnapshotKeys keys = new SnapshotKeys();
    private final SnapshotDeletions deletions;
    private volatile FileNodes fileNodes;

    /** The service for this process: mount points are read from {@code /proc/self/mountinfo}. */
    public OverlaySnapshotService(ImageStore store, OverlaySupport overlays) {
        this(store, new CopySnapshotService(store), overlays, MountTable::isMounted, ProcessUser.isRoot());
    }

    OverlaySnapshotService(ImageStore store, CopySnapshotService copies, OverlaySupport overlays,
            Predicate<Path> mounted, boolean copyOwnership) {
        this.store = store;
        this.copies = copies;
        this.overlays = overlays;
        this.mounter = new OverlayMounter(overlays, mounted);
        this.dir = store.layout().snapshotsDir();
        this.copyOwnership = copyOwnership;
        this.deletions = new SnapshotDeletions(dir);
    }

    /** Native mknod/lsetxattr: with them, images with whiteouts get overlays too. */
    public void bindFileNodes(FileNodes nodes) {
        this.fileNodes = nodes;
    }

    public void unbindFileNodes(FileNodes nodes) {
        if (this.fileNodes == nodes) {
            this.fileNodes = null;
        }
    }

    /** The store's hook that protects the layers of overlay snapshots found on disk at start. */
    public static LayerHolders layerHolders() {
        return OverlayRecord.holders();
    }

    /** The probe of this process, to build the {@link OverlaySupport} of a store. */
    public static OverlaySupport.Probe probeFor(ImageStore store) {
        return OverlayProbe.forProcess(store.layout().snapshotsDir(), store.layout().layersDir());
    }

    /**
     * {@inheritDoc} An overlay snapshot found unmounted (after a reboot) is mounted again with its upper
     * directory, so the container's changes are kept.
     *
     * @throws io.berth.api.error.UnavailableException when an overlay snapshot must be mounted again but no
     *         native mounts are bound
     */
    @Override
    public Path prepare(String key, String imageId) {
        SnapshotKeys.validate(key);
        if (imageId == null || imageId.isEmpty()) {
            throw new InvalidArgumentException("an image id is required to prepare a snapshot");
        }
        synchronized (keys.lockFor(key)) {
            Path snapshot = dir.resolve(key);
            if (OverlayRecord.isOverlay(snapshot)) {
                return ensureMounted(key, snapshot);
            }
            Path copy = copies.path(key);
            if (copy != null) {
                return copy;
            }
            if (overlays.forNewSnapshots() == null) {
                return copies.prepare(key, imageId);
            }
            return createOverlay(key, imageId);
        }
    }

    private Path createOverlay(String key, String imageId) {
        PinnedLayers layers = store.pinLayersOf(imageId);
        boolean held = false;
        try {
            Path snapshot = dir.resolve(key);
            List<LayerChanges> changes = changesOf(layers.diffIds());
            FileNodes nodes = fileNodes;
            if (OverlayWhiteouts.needed(changes) && nodes == null) {
                LOG.info("the root filesystem of {} is a copy: its image has whiteouts, and overlay needs them as "
                        + "0/0 character devices and trusted.overlay.opaque attributes (no native file nodes)", key);
                return copies.prepare(key, layers.imageId());
            }
            String options;
            try {
                options = OverlayOptions.build(OverlayWhiteouts.lowerDirs(snapshot, layers.directories(), changes),
                        snapshot.resolve(UPPER), snapshot.resolve(WORK));
            } catch (IllegalArgumentException e) {
                LOG.info("the root filesystem of {} is a copy: {}", key, e.getMessage());
                return copies.prepare(key, layers.imageId());
            }
            createDirectories(key, snapshot, layers, changes, nodes);
            if (!mountNew(key, snapshot, options)) {
                return copies.prepare(key, layers.imageId());
            }
            held = true;
            return snapshot.resolve(MERGED);
        } finally {
            if (!held) {
                store.release(layers);
            }
        }
    }

    private List<LayerChanges> changesOf(List<String> diffIds) {
        return diffIds.stream().map(store.layers()::changes).toList();
    }

    /** Creates the snapshot's directories and marker under a temporary name, then renames them into place. */
    private void createDirectories(String key, Path snapshot, PinnedLayers layers, List<LayerChanges> changes,
            FileNodes nodes) {
        Path temp = dir.resolve(TempNames.next());
        try {
            Path upper = Files.createDirectories(temp.resolve(UPPER));
            Files.createDirectory(temp.resolve(WORK));
            Files.createDirectory(temp.resolve(MERGED));
            List<Path> layerDirs = layers.directories();
            // the root of the mounted file system shows the upper directory's mode, owner and time
            PosixAttributes.copy(layerDirs.get(layerDirs.size() - 1), upper, copyOwnership);
            if (OverlayWhiteouts.needed(changes)) {
                OverlayWhiteouts.write(temp, layerDirs, changes, nodes, copyOwnership);
            }
            new OverlayRecord(layers.imageId(), layers.diffIds()).writeInto(temp);
            AtomicFiles.moveIntoPlace(temp, snapshot);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(temp);
            throw new BerthException("cannot prepare the root filesystem of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Mounts a new snapshot; when that fails, removes it again and answers false (a copy is made instead). */
    private boolean mountNew(String key, Path snapshot, String options) {
        try {
            mounter.mount(key, snapshot.resolve(MERGED), options);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot mount the root filesystem of {} ({}); making a copy instead", key, e.getMessage());
            SnapshotDeletions.deleteNow(key, deletions.detach(key, snapshot));
            return false;
        }
    }

    private Path ensureMounted(String key, Path snapshot) {
        Path merged = snapshot.resolve(MERGED);
        if (mounter.isMounted(merged)) {
            return merged;
        }
        OverlayRecord record = readRecord(key, snapshot);
        List<Path> layerDirs = record.diffIds().stream().map(store.layers()::path).toList();
        for (int i = 0; i < layerDirs.size(); i++) {
            if (!Files.isDirectory(layerDirs.get(i))) {
                throw new BerthException("cannot mount the root filesystem of " + key + " again: its layer "
                        + record.diffIds().get(i) + " is missing");
            }
        }
        List<Path> lowerDirs = OverlayWhiteouts.lowerDirs(snapshot, layerDirs, changesOf(record.diffIds()));
        for (Path lower : lowerDirs) {
            if (!Files.isDirectory(lower)) {
                throw new BerthException("cannot mount the root filesystem of " + key + " again: " + lower
                        + " is missing");
            }
        }
        try {
            String options = OverlayOptions.build(lowerDirs, snapshot.resolve(UPPER), snapshot.resolve(WORK));
            mounter.mount(key, merged, options);
        } catch (IOException | IllegalArgumentException e) {
            throw new BerthException("cannot mount the root filesystem of " + key + " again: " + e.getMessage(), e);
        }
        LOG.info("mounted the root filesystem of {} again", key);
        return merged;
    }

    @Override
    public Path path(String key) {
        SnapshotKeys.validate(key);
        Path snapshot = dir.resolve(key);
        if (OverlayRecord.isOverlay(snapshot)) {
            Path merged = snapshot.resolve(MERGED);
            return mounter.isMounted(merged) ? merged : null;
        }
        return copies.path(key);
    }

    /**
     * {@inheritDoc} An overlay is unmounted first (detached when busy); the directories are then deleted
     * without following links or crossing into other file systems, and the layers are released.
     *
     * @throws io.berth.api.error.UnavailableException when the overlay is mounted but no native mounts are bound
     */
    @Override
    public void remove(String key) {
        SnapshotKeys.validate(key);
        synchronized (keys.lockFor(key)) {
            Path snapshot = dir.resolve(key);
            if (!OverlayRecord.isOverlay(snapshot)) {
                copies.remove(key);
                return;
            }
            List<String> held = heldLayers(key, snapshot);
            mounter.unmount(key, snapshot.resolve(MERGED));
            Path detached = deletions.detach(key, snapshot);
            store.releaseLayers(held);
            deletions.deleteLater(key, detached);
        }
    }

    /** {@inheritDoc} The overlay is unmounted as by {@link #remove} (detached when busy). */
    @Override
    public void unmount(String key) {
        SnapshotKeys.validate(key);
        synchronized (keys.lockFor(key)) {
            Path snapshot = dir.resolve(key);
            if (OverlayRecord.isOverlay(snapshot)) {
                mounter.unmount(key, snapshot.resolve(MERGED));
            }
        }
    }

    /** Waits until the directories of earlier removals are deleted. */
    void awaitDeletions() {
        deletions.await();
    }

    /** Finishes the deletions under way (for up to ten seconds); later removals delete at once. */
    @Override
    public void close() {
        deletions.close();
    }

    private OverlayRecord readRecord(String key, Path snapshot) {
        try {
            return OverlayRecord.read(snapshot);
        } catch (IOException e) {
            throw new BerthException("the root filesystem of " + key + " is damaged: " + e.getMessage(), e);
        }
    }

    /** The layers the snapshot pinned; none when its marker is damaged (the store then kept everything). */
    private static List<String> heldLayers(String key, Path snapshot) {
        try {
            return OverlayRecord.read(snapshot).diffIds();
        } catch (IOException e) {
            LOG.warn("removing the root filesystem of {} without knowing its layers: {}", key, e.getMessage());
            return List.of();
        }
    }
}
