package io.berth.images.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ProgressEvent;
import io.berth.api.image.ProgressListener;
import io.berth.images.internal.archive.ArchiveLayout;
import io.berth.images.internal.archive.ImageToLoad;
import io.berth.images.internal.archive.Spool;
import io.berth.images.internal.archive.SpooledFile;
import io.berth.images.internal.config.OciImageConfig;
import io.berth.images.internal.config.Platforms;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.store.Blob;
import io.berth.images.internal.store.ImageRecord;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.store.StoredImage;

/**
 * Loads {@code docker save} archives and OCI image layouts: the archive is spooled into a temporary directory of
 * the store, the images it holds are planned and their tags validated before anything is stored; then each
 * image's layers are adopted as blobs and unpacked (verified against the config's diff-ids), the config and
 * metadata are written, and all tags are applied in one write. Any failure takes back everything the load
 * wrote. Thread-safe; loads run concurrently.
 */
final class ImageLoader {

    static final String LOADING = "Loading layer";
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private final ImageStore store;

    ImageLoader(ImageStore store) {
        this.store = store;
    }

    /** What a load stored: the images in archive order and the tags applied. */
    record Loaded(List<StoredImage> images, Map<ImageReference, String> tags) {
    }

    Loaded load(InputStream archive, ProgressListener progress) {
        try (Spool spool = Spool.read(archive, store.layout().imagesDir());
                ImportTransaction tx = new ImportTransaction(store)) {
            List<ImageToLoad> plan = ArchiveLayout.plan(spool, Platforms.currentArchitecture());
            List<OciImageConfig> configs = new ArrayList<>();
            for (ImageToLoad image : plan) {
                configs.add(config(spool, image));
            }
            Map<ImageReference, String> tags = tags(plan);
            List<StoredImage> images = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                images.add(store(tx, plan.get(i), configs.get(i), progress));
            }
            tx.tagAll(tags);
            tx.commit();
            return new Loaded(images, tags);
        }
    }

    /** Parses and checks an image config against its manifest before anything is stored. */
    private static OciImageConfig config(Spool spool, ImageToLoad image) {
        OciImageConfig config;
        try {
            config = OciImageConfig.parse(spool.readDocument(image.config()));
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid image archive: the config " + image.config().name()
                    + " is not a valid image config: " + e.getMessage(), e);
        }
        return OciImageConfig.requireLayers(config, image.layers().size(),
                "invalid image archive: the config " + image.config().name());
    }

    /** Every tag of the archive, validated; a later image wins a tag named twice (as in Docker). */
    private static Map<ImageReference, String> tags(List<ImageToLoad> plan) {
        Map<ImageReference, String> tags = new LinkedHashMap<>();
        for (ImageToLoad image : plan) {
            for (String tag : image.tags()) {
                ImageReference reference = ImageReference.parse(tag);
                if (reference.digest() != null) {
                    throw new InvalidArgumentException("invalid image archive: refusing to tag with the digest "
                            + "reference " + tag);
                }
                tags.put(reference, image.config().digest());
            }
        }
        return tags;
    }

    private StoredImage store(ImportTransaction tx, ImageToLoad image, OciImageConfig config,
            ProgressListener progress) {
        List<LayerRecord> layers = new ArrayList<>();
        for (int i = 0; i < image.layers().size(); i++) {
            SpooledFile file = image.layers().get(i).file();
            String diffId = config.diffIds().get(i);
            Blob blob = tx.adoptBlob(file);
            rejectZstd(store.blobs().path(blob.digest()), file.name());
            String shortId = Sha256.shortId(diffId);
            tx.ensureVerifiedLayer(blob, diffId,
                    done -> progress.progress(new ProgressEvent(shortId, LOADING, done, file.size())));
            layers.add(new LayerRecord(diffId, blob.digest(), tx.layerSize(diffId)));
        }
        Blob configBlob = tx.adoptBlob(image.config());
        StoredImage stored = new StoredImage(new ImageRecord(configBlob.digest(), config.created(), layers), config);
        tx.addImage(stored);
        return stored;
    }

    /** Layer archives are recognized by content: a zstd frame is refused whatever the manifest says. */
    private static void rejectZstd(Path blob, String name) {
        byte[] magic;
        try (InputStream in = Files.newInputStream(blob)) {
            magic = in.readNBytes(ZSTD_MAGIC.length);
        } catch (IOException e) {
            throw new BerthException("cannot read the layer " + name + ": " + e.getMessage(), e);
        }
        if (Arrays.equals(magic, ZSTD_MAGIC)) {
            throw new InvalidArgumentException("unsupported layer media type "
                    + "application/vnd.oci.image.layer.v1.tar+zstd (" + name
                    + "; zstd needs native code; save the image with gzip layers)");
        }
    }
}
