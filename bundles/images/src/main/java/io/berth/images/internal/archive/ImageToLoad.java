package io.berth.images.internal.archive;

import java.util.List;

/**
 * One image an archive holds.
 *
 * @param config the config blob
 * @param layers its layer blobs, bottom first
 * @param tags   references to tag it with, as written in the archive (not validated yet)
 */
public record ImageToLoad(SpooledFile config, List<LayerSource> layers, List<String> tags) {

    public ImageToLoad {
        layers = List.copyOf(layers);
        tags = List.copyOf(tags);
    }

    /**
     * One layer blob.
     *
     * @param file      the spooled blob
     * @param mediaType its media type from an OCI manifest, {@code null} in a {@code docker save} manifest
     */
    public record LayerSource(SpooledFile file, String mediaType) {
    }
}
