package io.berth.images.internal.image;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageUsage;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.testing.RecordingEvents;
import io.berth.images.internal.testing.TarBuilder;
import io.berth.images.internal.testing.TickingClock;

/** An image service over a store in a temporary directory, with recorded events and settable usage. */
final class ImageFixture {

    final Path imagesDir;
    final RecordingEvents events = new RecordingEvents();
    final Map<String, List<String>> usage = new ConcurrentHashMap<>();
    final TickingClock clock = new TickingClock();
    ImageStore store;
    ImageServiceImpl service;
    boolean usageAvailable = true;

    ImageFixture(Path root) {
        this.imagesDir = root.resolve("images");
        reopen();
    }

    /** Opens a new store instance on the same directory (as after a restart). */
    void reopen() {
        store = ImageStore.open(imagesDir, new LayerUnpacker(false));
        ImageUsage imageUsage = id -> usage.getOrDefault(id, List.of());
        service = new ImageServiceImpl(store, () -> usageAvailable ? imageUsage : null, () -> events, clock);
    }

    ImageInfo importTar(byte[] archive, String reference) {
        return service.importImage(new ByteArrayInputStream(archive), ImportOptions.tagged(reference));
    }

    ImageInfo importTar(byte[] archive, ImportOptions options) {
        return service.importImage(new ByteArrayInputStream(archive), options);
    }

    /** A small root filesystem; {@code marker} makes its content (and diff-id) unique. */
    static byte[] rootfs(String marker) {
        return new TarBuilder().dir("bin").file("bin/busybox", "binary", 0755).symlink("bin/sh", "busybox")
                .dir("etc").file("etc/marker", marker).bytes();
    }

    Path blob(String digest) {
        return imagesDir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
    }

    Path layer(String diffId) {
        return imagesDir.resolve("layers").resolve(diffId.substring("sha256:".length()));
    }

    Path metadata(String id) {
        return imagesDir.resolve("metadata").resolve(id.substring("sha256:".length()) + ".json");
    }
}
