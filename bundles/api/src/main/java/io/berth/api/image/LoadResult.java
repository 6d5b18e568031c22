package io.berth.api.image;

import java.util.List;

/**
 * What a load brought into the store.
 *
 * @param references the references it tagged (familiar form, as {@code docker load} prints them)
 * @param imageIds   the ids of images it loaded that no reference names
 */
public record LoadResult(List<String> references, List<String> imageIds) {

    public LoadResult {
        references = references == null ? List.of() : List.copyOf(references);
        imageIds = imageIds == null ? List.of() : List.copyOf(imageIds);
    }
}
