package io.berth.images.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.api.image.ImageInfo;
import io.berth.images.internal.config.OciImageConfig;
import io.berth.images.internal.files.FileTrees;
import io.berth.images.internal.layer.LayerUnpacker;
import io.berth.images.internal.reference.ImageReference;

/**
 * The image store's state: images by id, references, and the content they use. All methods are thread-safe;
 * each holds the store lock only for in-memory work and small metadata writes. Content is deleted only when
 * no image references it and no in-flight operation has pinned it; large directories are renamed away under
 * the lock and deleted after it.
 */
public final class ImageStore {

    private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);

    private final StoreLayout layout;
    private final BlobStore blobs;
    private final LayerStore layers;
    private final MetadataStore metadata;
    private final RepositoryIndex repositories;
    private final ContentPins pins = new ContentPins();
    private final Map<String, StoredImage> images = new LinkedHashMap<>();
    private final List<Path> trash = new ArrayList<>();

    private ImageStore(StoreLayout layout, LayerUnpacker unpacker) throws IOException {
        this.layout = layout;
        this.blobs = new BlobStore(layout.blobsDir());
        this.layers = new LayerStore(layout.layersDir(), unpacker);
        this.metadata = new MetadataStore(layout.metadataDir());
        this.repositories = RepositoryIndex.load(layout.repositoriesFile());
    }

    /**
     * Opens (creating if needed) the store in {@code imagesDir}: removes leftovers of interrupted writes, loads
     * the metadata, drops references to missing images and deletes content no image uses.
     */
    public static ImageStore open(Path imagesDir, LayerUnpacker unpacker) {
        return open(imagesDir, unpacker, LayerHolders.NONE);
    }

    /**
     * Like {@link #open(Path, LayerUnpacker)}, and pins the layers {@code holders} report (snapshots that
     * outlived a restart), so that neither the start-up cleaning nor a later image removal deletes them.
     */
    public static ImageStore open(Path imagesDir, LayerUnpacker unpacker, LayerHolders holders) {
        try {
            StoreLayout layout = new StoreLayout(imagesDir);
            layout.create();
            StoreJanitor.removeLeftovers(layout);
            ImageStore store = new ImageStore(layout, unpacker);
            store.load(holders);
            return store;
        } catch (IOException e) {
            throw new BerthException("cannot open the image store in " + imagesDir + ": " + e.getMessage(), e);
        }
    }

    private synchronized void load(LayerHolders holders) throws IOException {
        MetadataStore.Loaded loaded = metadata.loadAll();
        int failures = loaded.failures();
        Set<String> held = pinHeldLayers(holders);
        if (held == null) {
            failures++;
        }
        for (ImageRecord record : loaded.records()) {
            try {
                images.put(record.id(), new StoredImage(record, OciImageConfig.parse(blobs.read(record.id()))));
            } catch (IOException | BerthException e) {
                LOG.error("cannot load image {}: {}", record.id(), e.getMessage());
                failures++;
            }
        }
        if (failures == 0) {
            repositories.retainImages(images.keySet())
                    .forEach(r -> LOG.warn("dropped reference {} to a missing image", r));
            Set<String> layersToKeep = new HashSet<>(held);
            layersToKeep.addAll(layersInUse());
            StoreJanitor.collectGarbage(blobs, layers, blobsInUse(), layersToKeep);
        } else {
            LOG.warn("{} image(s) or snapshot(s) could not be loaded; their references and unreferenced content "
                    + "are kept", failures);
        }
        LOG.info("image store {} has {} image(s)", layout.imagesDir(), images.size());
    }

    /** Pins what the holders report; {@code null} when they cannot tell. */
    private Set<String> pinHeldLayers(LayerHolders holders) {
        try {
            List<String> holds = holders.heldLayers(layout);
            holds.forEach(this::pinLayer);
            return new HashSet<>(holds);
        } catch (IOException | BerthException e) {
            LOG.error("cannot tell which layers the root filesystem snapshots use: {}", e.getMessage());
            return null;
        }
    }

    public StoreLayout layout() {
        return layout;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public LayerStore layers() {
        return layers;
    }

    /**
     * Resolves a reference, full id or unique id prefix.
     *
     * @throws io.berth.api.error.NotFoundException        when nothing matches
     * @throws io.berth.api.error.InvalidArgumentException for a malformed reference or an ambiguous prefix
     */
    public synchronized ImageMatch resolve(String ref) {
        return ImageLookup.resolve(ref, images.keySet(), repositories);
    }

    public synchronized Optional<StoredImage> image(String id) {
        return Optional.ofNullable(images.get(id));
    }

    /** The image with this id, or {@code null}. */
    public synchronized ImageInfo info(String id) {
        StoredImage image = images.get(id);
        return image == null ? null : image.toInfo(repositories.referencesTo(id));
    }

    /** Resolves and describes an image in one atomic step (see {@link #resolve}). */
    public synchronized ImageInfo inspect(String ref) {
        return info(resolve(ref).id());
    }

    /** Resolves {@code source} and points {@code target} at it, atomically; returns the image id. */
    public synchronized String tagResolved(String source, ImageReference target) {
        String id = resolve(source).id();
        tag(target, id);
        return id;
    }

    /** Every image, newest first. */
    public synchronized List<ImageInfo> list() {
        return images.values().stream().map(i -> i.toInfo(repositories.referencesTo(i.id())))
                .sorted(Comparator.comparing(ImageInfo::created, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ImageInfo::id))
                .toList();
    }

    /** Normalized references pointing at an image, sorted. */
    public synchronized List<String> references(String id) {
        return repositories.referencesTo(id);
    }

    /**
     * Records a new image durably (metadata file), before any reference points at it. Idempotent.
     *
     * @return false when the image was already present
     */
    public synchronized boolean add(StoredImage image) {
        if (images.containsKey(image.id())) {
            return false;
        }
        metadata.write(image.record());
        images.put(image.id(), image);
        return true;
    }

    /** Points {@code reference} at an image; returns the id it pointed at before, or {@code null}. */
    public synchronized String tag(ImageReference reference, String id) {
        if (!images.containsKey(id)) {
            throw new IllegalStateException("no image " + id);
        }
        return repositories.put(reference.toString(), id);
    }

    /**
     * Points every reference at its image in one atomic write: either all tags are applied or none.
     *
     * @return the image ids the references pointed at before (absent when new)
     */
    public synchronized Map<String, String> tagAll(Map<ImageReference, String> referencesToIds) {
        Map<String, String> byName = new LinkedHashMap<>();
        Map<String, String> previous = new LinkedHashMap<>();
        referencesToIds.forEach((reference, id) -> {
            if (!images.containsKey(id)) {
                throw new IllegalStateException("no image " + id);
            }
            byName.put(reference.toString(), id);
            String before = repositories.get(reference.toString());
            if (before != null && !before.equals(id)) {
                previous.put(reference.toString(), before);
            }
        });
        if (!byName.isEmpty()) {
            repositories.putAll(byName);
        }
        return previous;
    }

    /** Removes a reference; false when it did not exist. */
    public synchronized boolean untag(String reference) {
        return repositories.remove(reference);
    }

    /**
     * Deletes an image that no reference points at: its metadata, then its config blob, layer blobs and
     * layers unless another image uses or an operation pins them. Called with the store lock held (as part of
     * a larger atomic step), the deletion of layer directories is left to {@link #emptyTrash()}.
     */
    public void delete(String id) {
        synchronized (this) {
            if (!repositories.referencesTo(id).isEmpty()) {
                throw new IllegalStateException("image " + id + " is still referenced");
            }
            StoredImage image = images.get(id);
            if (image == null) {
                return;
            }
            deleteMetadata(id);
            images.remove(id);
            List<String> blobDigests = new ArrayList<>(List.of(id));
            image.record().layers().forEach(l -> blobDigests.add(l.blob()));
            discardLocked(blobDigests, image.config().diffIds());
        }
        emptyTrashUnlessLocked();
    }

    private void deleteMetadata(String id) {
        try {
            metadata.delete(id);
        } catch (IOException e) {
            throw new BerthException("cannot delete the metadata of " + id + ": " + e.getMessage(), e);
        }
    }

    /** Deletes blobs and layers (written by a failed operation) that no image uses and nobody pins. */
    public void discardIfUnused(Collection<String> blobDigests, Collection<String> diffIds) {
        synchronized (this) {
            discardLocked(blobDigests, diffIds);
        }
        emptyTrashUnlessLocked();
    }

    private void discardLocked(Collection<String> blobDigests, Collection<String> diffIds) {
        Set<String> blobsInUse = blobsInUse();
        Set<String> layersInUse = layersInUse();
        try {
            for (String digest : blobDigests) {
                if (digest != null && !blobsInUse.contains(digest) && !pins.isPinned(ContentPins.blobKey(digest))) {
                    blobs.delete(digest);
                }
            }
            for (String diffId : diffIds) {
                if (!layersInUse.contains(diffId) && !pins.isPinned(ContentPins.layerKey(diffId))) {
                    Optional.ofNullable(layers.detach(diffId)).ifPresent(trash::add);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not delete unused content ({}); it is removed at the next start", e.getMessage());
        }
    }

    /** Deletes the layer directories detached by deletions. Call without holding the store lock. */
    public void emptyTrash() {
        List<Path> detached;
        synchronized (this) {
            detached = new ArrayList<>(trash);
            trash.clear();
        }
        for (Path dir : detached) {
            if (!FileTrees.deleteQuietly(dir)) {
                LOG.warn("could not delete {}; it is removed at the next start", dir);
            }
        }
    }

    private void emptyTrashUnlessLocked() {
        if (!Thread.holdsLock(this)) {
            emptyTrash();
        }
    }

    private Set<String> blobsInUse() {
        Set<String> inUse = new HashSet<>();
        for (StoredImage image : images.values()) {
            inUse.add(image.id());
            image.record().layers().forEach(l -> inUse.add(l.blob()));
        }
        return inUse;
    }

    private Set<String> layersInUse() {
        Set<String> inUse = new HashSet<>();
        images.values().forEach(i -> inUse.addAll(i.config().diffIds()));
        return inUse;
    }

    /** Protects a blob from deletion until {@link #unpinBlob}; pin before checking whether it exists. */
    public synchronized void pinBlob(String digest) {
        pins.pin(ContentPins.blobKey(digest));
    }

    public synchronized void unpinBlob(String digest) {
        pins.unpin(ContentPins.blobKey(digest));
    }

    /** Protects a layer from deletion until {@link #unpinLayer}; pin before checking whether it exists. */
    public synchronized void pinLayer(String diffId) {
        pins.pin(ContentPins.layerKey(diffId));
    }

    public synchronized void unpinLayer(String diffId) {
        pins.unpin(ContentPins.layerKey(diffId));
    }

    /**
     * Resolves an image and pins its layers in one atomic step.
     *
     * @throws io.berth.api.error.NotFoundException when the image does not exist
     */
    public synchronized PinnedLayers pinLayersOf(String ref) {
        String id = resolve(ref).id();
        List<String> diffIds = images.get(id).config().diffIds();
        diffIds.forEach(this::pinLayer);
        return new PinnedLayers(id, diffIds, diffIds.stream().map(layers::path).toList());
    }

    /**
     * Resolves an image and pins its config blob, layer blobs and layers in one atomic step, so a concurrent
     * removal cannot delete what is being read (a save).
     *
     * @throws io.berth.api.error.NotFoundException when the image does not exist
     */
    public synchronized StoredImage pinContentOf(String ref) {
        StoredImage image = images.get(resolve(ref).id());
        pinBlob(image.id());
        image.record().layers().forEach(l -> {
            pinBlob(l.blob());
            pinLayer(l.diffId());
        });
        return image;
    }

    /** Releases the pins of {@link #pinContentOf}. */
    public synchronized void releaseContent(StoredImage image) {
        unpinBlob(image.id());
        image.record().layers().forEach(l -> {
            unpinBlob(l.blob());
            unpinLayer(l.diffId());
        });
    }

    /** Releases the pins of {@link #pinLayersOf}. */
    public synchronized void release(PinnedLayers pinned) {
        pinned.diffIds().forEach(this::unpinLayer);
    }

    /**
     * Releases layers a long-lived holder (a mounted snapshot) pinned, with {@link #pinLayersOf} or through
     * {@link LayerHolders} at start, and deletes those that no image uses and nobody else pins any more: an
     * image removed while its snapshot existed leaves its layers until the last such snapshot goes.
     *
     * @param diffIds the holder's entries, exactly as pinned (duplicates included)
     */
    public void releaseLayers(List<String> diffIds) {
        synchronized (this) {
            diffIds.forEach(this::unpinLayer);
            discardLocked(List.of(), diffIds);
        }
        emptyTrashUnlessLocked();
    }
}
