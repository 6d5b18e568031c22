package io.berth.images.internal.store;

import java.util.List;

import io.berth.api.image.ImageInfo;
import io.berth.images.internal.config.OciImageConfig;

/** An image in memory: its metadata record and its parsed config. Immutable. */
public record StoredImage(ImageRecord record, OciImageConfig config) {

    public String id() {
        return record.id();
    }

    /** The API view, with the given normalized references as repo tags. */
    public ImageInfo toInfo(List<String> repoTags) {
        return new ImageInfo(record.id(), repoTags, List.of(), config.createdAt(), record.size(),
                config.architecture(), config.os(), config.author(), config.comment(), config.imageConfig(),
                config.diffIds());
    }
}
