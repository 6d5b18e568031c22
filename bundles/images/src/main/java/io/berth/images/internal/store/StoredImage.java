package io.berth.images.internal.store;

import java.util.List;

import io.berth.api.image.ImageInfo;
import io.berth.images.internal.config.OciImageConfig;

/** An image in memory: its metadata record and its parsed config. Immutable. */
public record StoredImage(ImageRecord record, OciImageConfig config) {

    public String id() {
        return record.id();
    }

    /**
     * The API view: the normalized references that name a tag become repo tags, those that name a digest
     * ({@code repository@sha256:...}) repo digests.
     */
    public ImageInfo toInfo(List<String> references) {
        List<String> repoTags = references.stream().filter(r -> !isDigestReference(r)).toList();
        List<String> repoDigests = references.stream().filter(StoredImage::isDigestReference).toList();
        return new ImageInfo(record.id(), repoTags, repoDigests, config.createdAt(), record.size(),
                config.architecture(), config.os(), config.author(), config.comment(), config.imageConfig(),
                config.diffIds());
    }

    /** True for a normalized reference by digest ({@code docker.io/library/busybox@sha256:...}). */
    public static boolean isDigestReference(String reference) {
        return reference.indexOf('@') >= 0;
    }
}
