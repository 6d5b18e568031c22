package io.berth.images.internal.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.berth.images.internal.config.Json;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.files.TempNames;
import io.berth.images.internal.store.LayerHolders;
import io.berth.images.internal.store.StoreLayout;

/**
 * The marker of an overlay snapshot, {@code snapshots/<key>/overlay.json}: which image and layers it was made
 * from, so it can be mounted again after a reboot and its layers stay protected across restarts. A snapshot
 * directory without it is a copy ({@code rootfs/}).
 *
 * @param imageId the image the snapshot was prepared from
 * @param diffIds its layers, bottom first (as pinned in the store, duplicates included)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"imageId", "diffIds"})
record OverlayRecord(String imageId, List<String> diffIds) {

    static final String FILE = "overlay.json";

    OverlayRecord {
        diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }

    /** True when {@code snapshotDir} holds an overlay snapshot. */
    static boolean isOverlay(Path snapshotDir) {
        return Files.isRegularFile(snapshotDir.resolve(FILE), LinkOption.NOFOLLOW_LINKS);
    }

    /** Reads the marker of an overlay snapshot. */
    static OverlayRecord read(Path snapshotDir) throws IOException {
        Path file = snapshotDir.resolve(FILE);
        try {
            return Json.read(Files.readAllBytes(file), OverlayRecord.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the marker into a snapshot directory that is not in place yet (durable once the directory is moved
     * into place with {@link AtomicFiles#moveIntoPlace}).
     */
    void writeInto(Path newSnapshotDir) {
        AtomicFiles.writeNew(newSnapshotDir.resolve(FILE), Json.write(this));
    }

    /** The store's view: every layer entry of every overlay snapshot on disk. */
    static LayerHolders holders() {
        return OverlayRecord::heldLayers;
    }

    private static List<String> heldLayers(StoreLayout layout) throws IOException {
        List<String> held = new ArrayList<>();
        try (Stream<Path> entries = Files.list(layout.snapshotsDir())) {
            for (Path dir : (Iterable<Path>) entries::iterator) {
                if (!TempNames.isTemporary(dir.getFileName().toString()) && isOverlay(dir)) {
                    held.addAll(read(dir).diffIds());
                }
            }
        }
        return held;
    }
}
