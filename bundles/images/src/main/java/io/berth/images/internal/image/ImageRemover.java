package io.berth.images.internal.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.berth.api.error.BerthException;
import io.berth.api.error.ConflictException;
import io.berth.api.image.ImageRemoval;
import io.berth.api.image.ImageUsage;
import io.berth.images.internal.reference.ImageReference;
import io.berth.images.internal.store.ImageMatch;
import io.berth.images.internal.store.ImageStore;
import io.berth.images.internal.store.Sha256;
import io.berth.images.internal.store.StoredImage;

/**
 * Docker's {@code rmi} semantics. By reference: untag it, and delete the image when no reference is left and
 * no container uses it; removing the last reference of an image in use needs {@code force} (and then only
 * untags). By id: several references need {@code force}; an image in use is never deleted (without
 * {@code force} the request fails, with it only the references go). Thread-safe. The container engine is
 * asked who uses an image before the store lock is taken, so it may call back into the store freely.
 */
final class ImageRemover {

    private static final int MAX_ATTEMPTS = 5;

    private final ImageStore store;
    private final Supplier<ImageUsage> usage;

    ImageRemover(ImageStore store, Supplier<ImageUsage> usage) {
        this.store = store;
        this.usage = usage;
    }

    RemovalOutcome remove(String ref, boolean force) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ImageMatch match = store.resolve(ref);
            List<String> users = containersUsing(match.id());
            RemovalOutcome outcome;
            synchronized (store) {
                ImageMatch current = store.resolve(ref);
                if (!current.equals(match)) {
                    continue;
                }
                outcome = removeLocked(ref, match, force, users);
            }
            store.emptyTrash();
            return outcome;
        }
        throw new BerthException("image " + ref + " kept changing while it was being removed; try again");
    }

    private List<String> containersUsing(String imageId) {
        ImageUsage current = usage.get();
        List<String> users = current == null ? null : current.containersUsing(imageId);
        return users == null ? List.of() : List.copyOf(users);
    }

    private RemovalOutcome removeLocked(String ref, ImageMatch match, boolean force, List<String> users) {
        List<ImageRemoval> steps = new ArrayList<>();
        if (match.byId()) {
            checkDeletableById(match.id(), force, users);
            untagAll(match.id(), steps);
        } else {
            untagReference(ref, match.id(), force, users, steps);
        }
        if (store.references(match.id()).isEmpty() && users.isEmpty()) {
            store.delete(match.id());
            steps.add(ImageRemoval.deleted(match.id()));
        }
        return new RemovalOutcome(match.id(), steps);
    }

    private void untagReference(String ref, String id, boolean force, List<String> users, List<ImageRemoval> steps) {
        ImageReference reference = ImageReference.parse(ref);
        if (!force && !users.isEmpty() && tags(id).size() == 1) {
            throw new ConflictException("conflict: unable to remove repository reference \"" + ref
                    + "\" (must force) - container " + Sha256.shortId(users.get(0))
                    + " is using its referenced image " + Sha256.shortId(id));
        }
        String key = reference.digest() == null ? reference.toString()
                : reference.withDigest(reference.digest()).toString();
        store.untag(key);
        steps.add(ImageRemoval.untagged(ImageReference.parse(key).familiar()));
        if (tags(id).isEmpty()) {
            untagAll(id, steps);
        }
    }

    /** The references of an image that name a tag (repository digests left out). */
    private List<String> tags(String id) {
        return store.references(id).stream().filter(r -> !StoredImage.isDigestReference(r)).toList();
    }

    private void checkDeletableById(String id, boolean force, List<String> users) {
        if (force) {
            return;
        }
        if (!users.isEmpty()) {
            throw new ConflictException("conflict: unable to delete " + Sha256.shortId(id)
                    + " (cannot be forced) - image is being used by container " + Sha256.shortId(users.get(0)));
        }
        if (store.references(id).stream().map(r -> ImageReference.parse(r).name()).distinct().count() > 1) {
            throw new ConflictException("conflict: unable to delete " + Sha256.shortId(id)
                    + " (must be forced) - image is referenced in multiple repositories");
        }
    }

    private void untagAll(String id, List<ImageRemoval> steps) {
        for (String reference : store.references(id)) {
            store.untag(reference);
            steps.add(ImageRemoval.untagged(ImageReference.parse(reference).familiar()));
        }
    }
}
