package io.berth.images.internal.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The layers of an image, pinned so they survive a concurrent removal of the image until released
 * with {@link ImageStore#release(PinnedLayers)}.
 *
 * @param imageId     the image
 * @param diffIds     its layers, bottom first
 * @param directories the unpacked layer directories, bottom first
 */
public record PinnedLayers(String imageId, List<String> diffIds, List<Path> directories) {

    public PinnedLayers {
        diffIds = List.copyOf(diffIds);
        directories = List.copyOf(directories);
    }
}
