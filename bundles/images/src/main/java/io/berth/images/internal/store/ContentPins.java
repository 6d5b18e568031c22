package io.berth.images.internal.store;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts users other than images of blobs and layers: in-flight imports and snapshot copies, and mounted
 * (overlay) snapshots for as long as they exist, so a removal does not delete what they use. Not
 * thread-safe: guarded by the {@link ImageStore} lock, under which removals check pins and delete in one step.
 */
final class ContentPins {

    private final Map<String, Integer> counts = new HashMap<>();

    void pin(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    void unpin(String key) {
        counts.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }

    boolean isPinned(String key) {
        return counts.containsKey(key);
    }

    static String blobKey(String digest) {
        return "blob:" + digest;
    }

    static String layerKey(String diffId) {
        return "layer:" + diffId;
    }
}
