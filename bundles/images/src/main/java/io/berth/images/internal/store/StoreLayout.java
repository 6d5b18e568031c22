package io.berth.images.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.berth.images.internal.files.PosixAttributes;

/**
 * Where the image store keeps things, below {@code <root>/images}:
 * {@code blobs/sha256/<hex>}, {@code layers/<diffid-hex>/} (plus {@code layers/<diffid-hex>.json} with the
 * layer's whiteouts, when it has any), {@code metadata/<image-id-hex>.json},
 * {@code repositories.json} and {@code snapshots/<key>/} (a copy in {@code rootfs/}, or an overlay:
 * {@code overlay.json}, {@code upper/}, {@code work/}, {@code merged/}). A load spools its archive into a
 * {@code .tmp-*} directory of {@code <root>/images}, removed at the end (or at the next start). Immutable.
 */
public record StoreLayout(Path imagesDir) {

    private static final int PRIVATE_MODE = 0700;

    public Path blobsDir() {
        return imagesDir.resolve("blobs").resolve("sha256");
    }

    public Path layersDir() {
        return imagesDir.resolve("layers");
    }

    public Path metadataDir() {
        return imagesDir.resolve("metadata");
    }

    public Path repositoriesFile() {
        return imagesDir.resolve("repositories.json");
    }

    public Path snapshotsDir() {
        return imagesDir.resolve("snapshots");
    }

    /** Every directory that may hold temporary entries left by a crash. */
    public List<Path> directories() {
        return List.of(imagesDir, blobsDir(), layersDir(), metadataDir(), snapshotsDir());
    }

    /**
     * Creates the directories that are missing and makes the store private to its owner (mode 0700): layers
     * and root filesystems hold setuid binaries that other host users must not reach. Idempotent.
     */
    public void create() throws IOException {
        for (Path dir : directories()) {
            Files.createDirectories(dir);
        }
        PosixAttributes.setMode(imagesDir, PRIVATE_MODE);
    }
}
