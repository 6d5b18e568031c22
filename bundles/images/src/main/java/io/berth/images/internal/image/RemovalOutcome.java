package io.berth.images.internal.image;

import java.util.List;

import io.berth.api.image.ImageRemoval;

/**
 * The result of one removal request.
 *
 * @param imageId the image the request resolved to
 * @param steps   what was untagged and deleted, in order
 */
record RemovalOutcome(String imageId, List<ImageRemoval> steps) {

    RemovalOutcome {
        steps = List.copyOf(steps);
    }
}
