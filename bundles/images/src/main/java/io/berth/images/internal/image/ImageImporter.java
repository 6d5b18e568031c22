package io.berth.images.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

import io.berth.api.error.BerthException;
import io.berth.api.image.ImageConfig;
import io.berth.api.image.ImportOptions;
import io.berth.images.internal.config.ChangeInstructions;
import io.berth.images.internal.config.HistoryEntry;
import io.berth.images.internal.config.OciImageConfig;
import io.berth.images.internal.config.Platforms;
import io.berth.images.internal.config.RootFs;
import io.berth.images.internal.config.RuntimeConfig;
import io.berth.images.internal.files.TeeInputStream;
import io.berth.images.internal.layer.ArchiveStreams;
import io.berth.images.internal.layer.LayerErrors;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.store.Blob;
import io.berth.images.internal.store.BlobWriter;
import io.berth.images.internal.store.ImageRecord;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.store.StoredImage;

/**
 * Imports a root filesystem tarball as a single-layer image: the archive is streamed into a blob while both
 * its digest and its diff-id (sha256 of the uncompressed tar) are computed, the layer is unpacked from the
 * blob (once per diff-id), then the config blob, the metadata and the tag are written. Any failure takes back
 * what the import wrote. Thread-safe; imports run concurrently.
 */
final class ImageImporter {

    private final ImageStore store;
    private final Clock clock;

    ImageImporter(ImageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Imports the archive; the changes are validated before any byte is read.
     *
     * @param target the reference to tag the image with, or {@code null}
     */
    StoredImage importImage(InputStream archive, ImportOptions options, ImageReference target) {
        ImageConfig defaults = ChangeInstructions.apply(ImageConfig.EMPTY, options.changes());
        try (ImportTransaction tx = new ImportTransaction(store)) {
            LayerDigests layer = storeArchive(archive, tx);
            tx.ensureLayer(layer.blob(), layer.diffId());
            OciImageConfig config = newConfig(defaults, layer.diffId(), options.message());
            Blob configBlob = tx.putBlob(config.toJson());
            StoredImage image = new StoredImage(new ImageRecord(configBlob.digest(), config.created(),
                    List.of(new LayerRecord(layer.diffId(), layer.blob().digest(), layerSize(layer.diffId())))),
                    config);
            tx.addImage(image);
            if (target != null) {
                tx.tag(target, image.id());
            }
            tx.commit();
            return image;
        }
    }

    /** The stored archive blob and the diff-id of its uncompressed content. */
    private record LayerDigests(Blob blob, String diffId) {
    }

    private LayerDigests storeArchive(InputStream archive, ImportTransaction tx) {
        try (BlobWriter writer = store.blobs().newWriter()) {
            TeeInputStream raw = new TeeInputStream(archive, writer.stream());
            String diffId = hashUncompressed(raw);
            drain(raw);
            return new LayerDigests(tx.commitBlob(writer), diffId);
        } catch (UncheckedIOException e) {
            throw new BerthException("cannot store the layer archive: " + e.getCause().getMessage(), e);
        }
    }

    private static String hashUncompressed(InputStream raw) {
        MessageDigest digest = Sha256.newDigest();
        try {
            drain(new DigestInputStream(ArchiveStreams.uncompressed(raw), digest));
        } catch (IOException e) {
            throw LayerErrors.invalidArchive(e);
        }
        return Sha256.format(digest);
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw LayerErrors.invalidArchive(e);
        }
    }

    private long layerSize(String diffId) {
        try {
            return store.layers().size(diffId);
        } catch (IOException e) {
            throw new BerthException("cannot measure layer " + diffId + ": " + e.getMessage(), e);
        }
    }

    private OciImageConfig newConfig(ImageConfig defaults, String diffId, String message) {
        String created = clock.instant().toString();
        String comment = message.isEmpty() ? null : message;
        return new OciImageConfig(created, null, Platforms.currentArchitecture(), Platforms.os(), comment,
                RuntimeConfig.of(defaults), RootFs.layers(List.of(diffId)),
                List.of(new HistoryEntry(created, null, null, comment, null)));
    }
}
