package io.berth.images.internal.image;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.berth.api.image.ImageInfo;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.ImageUsage;
import io.berth.api.image.PruneResult;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.LayerRecord;
import io.berth.images.internal.store.StoredImage;

/**
 * Docker's {@code image prune}: deletes dangling images (no reference), or with {@code all} every image, that
 * no container uses; references of a deleted image are untagged first. The space reclaimed is the size of the
 * layers no remaining image uses. Containers are asked about before the store lock is taken (they may call
 * back into the store); the deletions then happen in one step under the lock, re-checked. Thread-safe.
 */
final class ImagePruner {

    private final ImageStore store;
    private final Supplier<ImageUsage> usage;

    ImagePruner(ImageStore store, Supplier<ImageUsage> usage) {
        this.store = store;
        this.usage = usage;
    }

    /** The result, and per removal step the image it concerns (for events). */
    record Outcome(PruneResult result, List<String> stepImageIds) {
    }

    Outcome prune(boolean all) {
        List<String> candidates = new ArrayList<>();
        for (ImageInfo image : store.list()) {
            if ((all || image.dangling()) && !inUse(image.id())) {
                candidates.add(image.id());
            }
        }
        List<ImageRemoval> steps = new ArrayList<>();
        List<String> stepIds = new ArrayList<>();
        long reclaimed;
        synchronized (store) {
            Map<String, Long> freedLayers = new HashMap<>();
            for (String id : candidates) {
                pruneLocked(id, all, steps, stepIds, freedLayers);
            }
            Set<String> stillUsed = new HashSet<>();
            store.list().forEach(i -> stillUsed.addAll(i.diffIds()));
            reclaimed = freedLayers.entrySet().stream().filter(e -> !stillUsed.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }
        store.emptyTrash();
        return new Outcome(new PruneResult(steps, reclaimed), stepIds);
    }

    private void pruneLocked(String id, boolean all, List<ImageRemoval> steps, List<String> stepIds,
            Map<String, Long> freedLayers) {
        StoredImage image = store.image(id).orElse(null);
        boolean tagged = store.references(id).stream().anyMatch(r -> !StoredImage.isDigestReference(r));
        if (image == null || (!all && tagged)) {
            return;
        }
        for (String reference : store.references(id)) {
            store.untag(reference);
            steps.add(ImageRemoval.untagged(ImageReference.parse(reference).familiar()));
            stepIds.add(id);
        }
        store.delete(id);
        steps.add(ImageRemoval.deleted(id));
        stepIds.add(id);
        for (LayerRecord layer : image.record().layers()) {
            freedLayers.put(layer.diffId(), layer.size());
        }
    }

    private boolean inUse(String imageId) {
        ImageUsage current = usage.get();
        List<String> users = current == null ? null : current.containersUsing(imageId);
        return users != null && !users.isEmpty();
    }
}
