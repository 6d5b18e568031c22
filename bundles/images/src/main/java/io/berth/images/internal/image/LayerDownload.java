package io.berth.images.internal.image;

import java.io.IOException;
import java.util.concurrent.Callable;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.archive.ArchiveDocuments;
import io.berth.images.internal.registry.Blobs;
import io.berth.images.internal.registry.RegistrySession;
import io.berth.images.internal.store.Blob;
import io.berth.images.internal.store.BlobWriter;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.Sha256;

/**
 * One layer of a pull: downloads the blob into the store (verified against the descriptor's digest before it is
 * committed), then unpacks it (verified against the config's diff-id), reporting Docker's per-layer progress.
 * Runs once, on a pool thread.
 */
final class LayerDownload implements Callable<LayerRecord> {

    private final int index;
    private final ArchiveDocuments.Descriptor descriptor;
    private final String diffId;
    private final RegistrySession session;
    private final ImportTransaction tx;
    private final ImageStore store;
    private final PullProgress progress;

    LayerDownload(int index, ArchiveDocuments.Descriptor descriptor, String diffId, RegistrySession session,
            ImportTransaction tx, ImageStore store, PullProgress progress) {
        this.index = index;
        this.descriptor = descriptor;
        this.diffId = diffId;
        this.session = session;
        this.tx = tx;
        this.store = store;
        this.progress = progress;
    }

    int index() {
        return index;
    }

    String shortId() {
        return Sha256.shortId(descriptor.digest());
    }

    @Override
    public LayerRecord call() {
        long size = descriptor.size();
        Blob blob;
        try (BlobWriter writer = store.blobs().newWriter()) {
            progress.progress(shortId(), "Downloading", 0, size);
            Blobs.download(session, descriptor, writer.stream(), done -> progress.progress(shortId(), "Downloading",
                    done, size));
            progress.status(shortId(), "Verifying Checksum");
            String actual = writer.seal();
            if (!actual.equals(descriptor.digest())) {
                throw new InvalidArgumentException("digest mismatch for layer " + descriptor.digest() + ": got "
                        + actual);
            }
            blob = tx.commitBlob(writer);
            progress.status(shortId(), "Download complete");
        } catch (IOException e) {
            throw new BerthException("cannot store layer " + descriptor.digest() + ": " + e.getMessage(), e);
        }
        tx.ensureVerifiedLayer(blob, diffId, done -> progress.progress(shortId(), "Extracting", done, size));
        progress.status(shortId(), "Pull complete");
        return new LayerRecord(diffId, blob.digest(), tx.layerSize(diffId));
    }
}
