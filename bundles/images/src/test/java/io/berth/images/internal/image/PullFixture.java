package io.berth.images.internal.image;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.berth.api.image.ProgressEvent;
import io.berth.api.image.ProgressListener;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.registry.CredentialFile;
import io.berth.images.internal.registry.RegistryClient;
import io.berth.images.internal.registry.RegistryHosts;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.testing.FileListing;
import io.berth.images.internal.testing.RecordingEvents;
import io.berth.images.internal.testing.TickingClock;

/** An image service with a registry client (credentials file, download pool size) over a temporary store. */
final class PullFixture {

    final Path imagesDir;
    final ImageStore store;
    final ImageServiceImpl service;
    final RecordingEvents events = new RecordingEvents();
    final List<ProgressEvent> progress = new CopyOnWriteArrayList<>();

    PullFixture(Path root, Path credentials, int downloads) {
        this.imagesDir = root.resolve("images");
        this.store = ImageStore.open(imagesDir, new LayerUnpacker(false));
        RegistryClient registry = new RegistryClient(new RegistryHosts(List.of()), new CredentialFile(credentials),
                downloads);
        this.service = new ImageServiceImpl(store, registry, () -> null, () -> events, new TickingClock());
    }

    ProgressListener listener() {
        return progress::add;
    }

    /** "status" or "id status" lines of the progress so far, without byte counts. */
    List<String> statuses() {
        return progress.stream().map(e -> e.id().isEmpty() ? e.status() : e.id() + " " + e.status()).toList();
    }

    /** Every file and directory of the store (to show that a failed pull left nothing). */
    List<String> storeContent() {
        return FileListing.of(imagesDir);
    }
}
