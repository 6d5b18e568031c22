package io.berth.api.image;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells the image store which containers use an image, so it can refuse to delete it. Registered by the
 * container engine; the store works without one (and then deletes freely).
 */
@ConsumerType
public interface ImageUsage {

    /** Ids of the containers created from the given image id (running or not). */
    List<String> containersUsing(String imageId);
}
