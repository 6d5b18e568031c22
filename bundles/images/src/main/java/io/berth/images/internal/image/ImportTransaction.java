package io.berth.images.internal.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.images.internal.archive.SpooledFile;
import io.berth.images.internal.files.AtomicFiles;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.store.Blob;
import io.berth.images.internal.store.BlobWriter;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.StoredImage;

/**
 * What one import or load wrote, so a failure can take all of it back. Blobs and layers are pinned while the import
 * runs; closing an uncommitted transaction removes the tag, the image and the content nobody else uses.
 * One per import; the blob and layer steps may run on several threads (a pull's downloads), the others on one.
 */
final class ImportTransaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportTransaction.class);

    private final ImageStore store;
    private final List<String> blobs = Collections.synchronizedList(new ArrayList<>());
    private final List<String> layers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> addedImages = new ArrayList<>();
    private boolean committed;

    ImportTransaction(ImageStore store) {
        this.store = store;
    }

    /** Pins the sealed blob's digest, then makes it visible. */
    Blob commitBlob(BlobWriter writer) {
        try {
            String digest = writer.seal();
            store.pinBlob(digest);
            blobs.add(digest);
            return writer.commit(null);
        } catch (IOException e) {
            throw new BerthException("cannot store the layer archive: " + e.getMessage(), e);
        }
    }

    /** Stores a small blob (the image config). */
    Blob putBlob(byte[] content) {
        try (BlobWriter writer = store.blobs().newWriter()) {
            writer.stream().write(content);
            return commitBlob(writer);
        } catch (IOException e) {
            throw new BerthException("cannot store the image config: " + e.getMessage(), e);
        }
    }

    /**
     * Takes a spooled file as a blob: pinned first, then moved into the blob directory (made durable first), or
     * dropped when the store has the blob already.
     */
    Blob adoptBlob(SpooledFile file) {
        store.pinBlob(file.digest());
        blobs.add(file.digest());
        Path target = store.blobs().path(file.digest());
        try {
            if (Files.exists(target)) {
                Files.deleteIfExists(file.path());
                return new Blob(file.digest(), file.size(), false);
            }
            if (!Files.exists(file.path())) {
                throw new IllegalStateException("the spooled " + file.name() + " is gone and not in the store");
            }
            AtomicFiles.syncFile(file.path());
            AtomicFiles.moveIntoPlace(file.path(), target);
            return new Blob(file.digest(), file.size(), true);
        } catch (IOException e) {
            throw new BerthException("cannot store " + file.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pins a blob and a layer the store may already have, so nothing deletes them while the import runs.
     *
     * @return true when both are present (and now safe to use), false when the layer must be made
     */
    boolean useExisting(String blobDigest, String diffId) {
        store.pinBlob(blobDigest);
        blobs.add(blobDigest);
        store.pinLayer(diffId);
        layers.add(diffId);
        return store.blobs().exists(blobDigest) && store.layers().exists(diffId);
    }

    /** Bytes of regular files in a layer present in the store. */
    long layerSize(String diffId) {
        try {
            return store.layers().size(diffId);
        } catch (IOException e) {
            throw new BerthException("cannot measure layer " + diffId + ": " + e.getMessage(), e);
        }
    }

    /** Unpacks the layer unless present. */
    void ensureLayer(Blob archive, String diffId) {
        store.pinLayer(diffId);
        layers.add(diffId);
        store.layers().unpack(store.blobs().path(archive.digest()), diffId);
    }

    /**
     * Unpacks the layer unless present, verifying its diff-id in both cases (a present layer is not trusted to
     * match a blob it was not unpacked from).
     */
    void ensureVerifiedLayer(Blob archive, String diffId, LongConsumer progress) {
        store.pinLayer(diffId);
        layers.add(diffId);
        Path path = store.blobs().path(archive.digest());
        if (!store.layers().unpack(path, diffId, progress)) {
            store.layers().verify(path, diffId, progress);
        }
    }

    /** Applies several tags in one atomic write. The last step: a failed write changes nothing. */
    Map<String, String> tagAll(Map<ImageReference, String> referencesToIds) {
        return store.tagAll(referencesToIds);
    }

    /** Records the image; an identical image already present is left as it is. */
    void addImage(StoredImage image) {
        if (store.add(image)) {
            addedImages.add(image.id());
        }
    }

    /** Points the reference at the image. The last step: a failed tag write changes nothing. */
    void tag(ImageReference reference, String imageId) {
        store.tag(reference, imageId);
    }

    void commit() {
        committed = true;
    }

    @Override
    public void close() {
        blobs.forEach(store::unpinBlob);
        layers.forEach(store::unpinLayer);
        if (!committed) {
            rollBack();
        }
    }

    private void rollBack() {
        try {
            for (String id : addedImages) {
                if (store.references(id).isEmpty()) {
                    store.delete(id);
                }
            }
            store.discardIfUnused(blobs, layers);
        } catch (RuntimeException e) {
            LOG.warn("could not undo a failed import ({}); leftovers are removed at the next start", e.getMessage());
        }
    }
}
