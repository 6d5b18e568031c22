package io.berth.images.internal.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.berth.api.error.InvalidArgumentException;
import io.berth.images.internal.config.Platforms;
import io.berth.images.internal.reference.Digests;

/**
 * OCI image layouts: {@code index.json} lists images (manifests, or indexes to pick the platform from) whose
 * blobs are {@code blobs/sha256/<hex>}. Each descriptor's digest and size must match the blob. Tags come from
 * the {@code io.containerd.image.name} annotation, else from {@code org.opencontainers.image.ref.name} when it
 * is a full reference (a bare tag like {@code latest} names no repository: the image is loaded untagged).
 * Not thread-safe (one per load).
 */
final class OciLayout {

    static final String CONTAINERD_NAME = "io.containerd.image.name";
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final int MAX_DEPTH = 4;

    private final Spool spool;
    private final String architecture;

    OciLayout(Spool spool, String architecture) {
        this.spool = spool;
        this.architecture = architecture;
    }

    List<ImageToLoad> plan() {
        ArchiveDocuments.Index index = ArchiveLayout.parse(spool, spool.require(ArchiveLayout.OCI_INDEX, "archive"),
                ArchiveDocuments.Index.class);
        List<ImageToLoad> images = new ArrayList<>();
        for (ArchiveDocuments.Descriptor descriptor : index.manifests()) {
            if (descriptor.platform() != null && !matches(descriptor.platform())) {
                continue;
            }
            ArchiveDocuments.Manifest manifest = resolve(descriptor, 0);
            images.add(image(manifest, tags(descriptor.annotations())));
        }
        if (images.isEmpty()) {
            throw ArchiveErrors.invalid("index.json lists no image for " + Platforms.os() + "/" + architecture);
        }
        return images;
    }

    private ArchiveDocuments.Manifest resolve(ArchiveDocuments.Descriptor descriptor, int depth) {
        if (depth > MAX_DEPTH) {
            throw ArchiveErrors.invalid("indexes nested more than " + MAX_DEPTH + " deep");
        }
        SpooledFile blob = blob(descriptor, "manifest");
        if (MediaTypes.isIndex(descriptor.mediaType())) {
            ArchiveDocuments.Index nested = ArchiveLayout.parse(spool, blob, ArchiveDocuments.Index.class);
            return resolve(pickPlatform(nested), depth + 1);
        }
        if (!MediaTypes.isManifest(descriptor.mediaType())) {
            throw new InvalidArgumentException("unsupported manifest media type " + descriptor.mediaType());
        }
        return ArchiveLayout.parse(spool, blob, ArchiveDocuments.Manifest.class);
    }

    private ArchiveDocuments.Descriptor pickPlatform(ArchiveDocuments.Index index) {
        List<ArchiveDocuments.Descriptor> candidates = index.manifests().stream()
                .filter(d -> d.platform() != null && matches(d.platform())).toList();
        if (candidates.isEmpty() && index.manifests().size() == 1 && index.manifests().get(0).platform() == null) {
            return index.manifests().get(0);
        }
        if (candidates.isEmpty()) {
            throw ArchiveErrors.invalid("no image for " + Platforms.os() + "/" + architecture + " in an index");
        }
        return candidates.get(0);
    }

    private boolean matches(ArchiveDocuments.Platform platform) {
        return Platforms.os().equals(platform.os()) && architecture.equals(platform.architecture());
    }

    private ImageToLoad image(ArchiveDocuments.Manifest manifest, List<String> tags) {
        if (manifest.config() == null) {
            throw ArchiveErrors.invalid("a manifest has no config");
        }
        MediaTypes.checkConfig(manifest.config().mediaType());
        SpooledFile config = blob(manifest.config(), "config");
        List<ImageToLoad.LayerSource> layers = new ArrayList<>();
        for (ArchiveDocuments.Descriptor layer : manifest.layers()) {
            MediaTypes.checkLayer(layer.mediaType());
            layers.add(new ImageToLoad.LayerSource(blob(layer, "layer"), layer.mediaType()));
        }
        return new ImageToLoad(config, layers, tags);
    }

    /** The blob a descriptor points at, checked against its digest and size. */
    private SpooledFile blob(ArchiveDocuments.Descriptor descriptor, String what) {
        String digest = descriptor.digest();
        if (digest == null) {
            throw ArchiveErrors.invalid("a " + what + " descriptor has no digest");
        }
        Digests.validate(digest);
        if (!digest.startsWith("sha256:")) {
            throw ArchiveErrors.invalid("unsupported digest algorithm in " + digest);
        }
        SpooledFile file = spool.require("blobs/sha256/" + digest.substring("sha256:".length()), "index.json");
        if (!digest.equals(file.digest())) {
            throw ArchiveErrors.invalid(what + " digest mismatch: " + file.name() + " should have " + digest
                    + " but has " + file.digest());
        }
        if (descriptor.size() != file.size()) {
            throw ArchiveErrors.invalid(what + " " + digest + " should have " + descriptor.size() + " bytes but has "
                    + file.size());
        }
        return file;
    }

    private static List<String> tags(Map<String, String> annotations) {
        String name = annotations.get(CONTAINERD_NAME);
        if (name != null && !name.isEmpty()) {
            return List.of(name);
        }
        String ref = annotations.get(REF_NAME);
        if (ref != null && (ref.contains(":") || ref.contains("/"))) {
            return List.of(ref);
        }
        return List.of();
    }
}
