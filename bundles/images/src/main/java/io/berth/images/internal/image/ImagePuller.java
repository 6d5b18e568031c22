package io.berth.images.internal.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.error.BerthException;
import io.berth.api.error.InvalidArgumentException;
import io.berth.api.image.ProgressListener;
import io.berth.api.image.PullResult;
import io.berth.api.image.RegistryAuth;
import io.berth.images.internal.archive.ArchiveDocuments;
import io.berth.images.internal.config.OciImageConfig;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.registry.Blobs;
import io.berth.images.internal.registry.Manifests;
import io.berth.images.internal.registry.PlatformSpec;
import io.berth.images.internal.registry.RegistryClient;
import io.berth.images.internal.registry.RegistrySession;
import io.berth.images.internal.registry.ResolvedManifest;
import io.berth.images.internal.store.ImageRecord;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.store.StoredImage;

/**
 * Pulls an image: resolves the manifest for the platform, fetches and checks the config, downloads the layers
 * the store lacks on a bounded pool ({@link LayerDownload}), records the image and applies its tag and repository
 * digest in one write. Everything runs in one {@link ImportTransaction}: a failure takes back all the pull wrote.
 * Thread-safe; pulls run concurrently.
 */
final class ImagePuller {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePuller.class);
    private static final long STOP_SECONDS = 60;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ImageStore store;
    private final RegistryClient registry;

    ImagePuller(ImageStore store, RegistryClient registry) {
        this.store = store;
        this.registry = registry;
    }

    PullResult pull(ImageReference ref, PlatformSpec platform, RegistryAuth auth, ProgressListener listener) {
        PullProgress progress = new PullProgress(listener);
        RegistrySession session = registry.open(ref, auth);
        progress.status(ref.digest() != null ? ref.digest() : ref.tag(), "Pulling from " + ref.path());
        ResolvedManifest resolved = Manifests.resolve(session, platform);
        ArchiveDocuments.Manifest manifest = resolved.manifest();
        byte[] configBytes = Blobs.fetchSmall(session, manifest.config());
        OciImageConfig config = config(configBytes, manifest, platform);
        String imageId = manifest.config().digest();
        Map<ImageReference, String> tags = tags(ref, resolved.digest(), imageId);
        boolean upToDate = store.image(imageId).isPresent() && tags.keySet().stream()
                .allMatch(r -> store.references(imageId).contains(r.toString()));
        try (ImportTransaction tx = new ImportTransaction(store)) {
            List<LayerRecord> layers = layers(tx, session, manifest, config, progress);
            if (!imageId.equals(tx.putBlob(configBytes).digest())) {
                throw new IllegalStateException("the stored config of " + ref.familiar() + " changed its digest");
            }
            tx.addImage(new StoredImage(new ImageRecord(imageId, config.created(), layers), config));
            tx.tagAll(tags);
            tx.commit();
        }
        progress.status("", "Digest: " + resolved.digest());
        progress.status("", "Status: " + (upToDate ? "Image is up to date for " : "Downloaded newer image for ")
                + ref.familiar());
        return new PullResult(ref.toString(), resolved.digest(), imageId, !upToDate);
    }

    /** Parses the config and checks it against the manifest (and an explicitly requested platform). */
    private static OciImageConfig config(byte[] bytes, ArchiveDocuments.Manifest manifest, PlatformSpec platform) {
        OciImageConfig config;
        try {
            config = OciImageConfig.parse(bytes);
        } catch (IOException e) {
            throw new InvalidArgumentException("the image config " + manifest.config().digest()
                    + " is not valid: " + e.getMessage(), e);
        }
        OciImageConfig.requireLayers(config, manifest.layers().size(),
                "the image config " + manifest.config().digest());
        for (ArchiveDocuments.Descriptor layer : manifest.layers()) {
            if (layer.digest() == null || !Sha256.isDigest(layer.digest()) || layer.size() < 0) {
                throw new InvalidArgumentException("the manifest has a layer without a valid sha256 digest and size");
            }
        }
        return config;
    }

    /** Every layer, bottom first: present ones reused, missing ones downloaded concurrently. */
    private List<LayerRecord> layers(ImportTransaction tx, RegistrySession session,
            ArchiveDocuments.Manifest manifest, OciImageConfig config, PullProgress progress) {
        int count = manifest.layers().size();
        List<LayerDownload> downloads = new ArrayList<>();
        LayerRecord[] records = new LayerRecord[count];
        for (int i = 0; i < count; i++) {
            ArchiveDocuments.Descriptor descriptor = manifest.layers().get(i);
            String diffId = config.diffIds().get(i);
            if (tx.useExisting(descriptor.digest(), diffId)) {
                progress.status(Sha256.shortId(descriptor.digest()), "Already exists");
                records[i] = new LayerRecord(diffId, descriptor.digest(), tx.layerSize(diffId));
            } else {
                progress.status(Sha256.shortId(descriptor.digest()), "Pulling fs layer");
                downloads.add(new LayerDownload(i, descriptor, diffId, session, tx, store, progress));
            }
        }
        for (int i = registry.maxConcurrentDownloads(); i < downloads.size(); i++) {
            progress.status(downloads.get(i).shortId(), "Waiting");
        }
        for (Map.Entry<Integer, LayerRecord> done : runAll(downloads).entrySet()) {
            records[done.getKey()] = done.getValue();
        }
        return List.of(records);
    }

    /** Runs the downloads on a pool; the first failure cancels the rest, which are stopped before it is thrown. */
    private Map<Integer, LayerRecord> runAll(List<LayerDownload> downloads) {
        Map<Integer, LayerRecord> done = new LinkedHashMap<>();
        if (downloads.isEmpty()) {
            return done;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(downloads.size(),
                registry.maxConcurrentDownloads()), daemonThreads());
        try {
            List<Future<LayerRecord>> futures = new ArrayList<>();
            downloads.forEach(d -> futures.add(pool.submit(d)));
            for (int i = 0; i < futures.size(); i++) {
                done.put(downloads.get(i).index(), join(futures.get(i)));
            }
            return done;
        } finally {
            pool.shutdownNow();
            awaitStop(pool);
        }
    }

    private static LayerRecord join(Future<LayerRecord> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new BerthException("a layer download failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BerthException("the pull was interrupted", e);
        }
    }

    private static void awaitStop(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("layer downloads did not stop within {} s; their leftovers are removed at the next start",
                        STOP_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        return task -> {
            Thread thread = new Thread(task, "berth-pull-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The tag pulled (if any) and the repository digest, both pointing at the image. */
    private static Map<ImageReference, String> tags(ImageReference ref, String digest, String imageId) {
        Map<ImageReference, String> tags = new LinkedHashMap<>();
        if (ref.digest() == null && ref.tag() != null) {
            tags.put(ref, imageId);
        }
        tags.put(ref.withDigest(digest), imageId);
        return tags;
    }
}
