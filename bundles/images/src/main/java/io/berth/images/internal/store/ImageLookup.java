package io.berth.images.internal.store;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import io.berth.api.error.InvalidArgumentException;
import io.berth.api.error.NotFoundException;
import io.berth.images.internal.reference.ImageReference;

/**
 * Resolves what a user typed to an image id, in Docker's order: a full id ({@code sha256:<hex>} or bare
 * 64-hex), a reference ({@code busybox} means {@code docker.io/library/busybox:latest}), then a unique id
 * prefix (with or without {@code sha256:}). A reference by digest ({@code busybox@sha256:...}) finds the image a
 * pull recorded under that repository digest. Stateless.
 */
final class ImageLookup {

    private static final Pattern HEX_PREFIX = Pattern.compile("[a-f0-9]+");

    private ImageLookup() {
    }

    static ImageMatch resolve(String ref, Collection<String> ids, RepositoryIndex repositories) {
        String idForm = ref.startsWith(Sha256.PREFIX) ? ref : Sha256.PREFIX + ref;
        if (Sha256.isDigest(idForm)) {
            return byFullId(ref, idForm, ids);
        }
        if (ref.startsWith(Sha256.PREFIX)) {
            return byPrefix(ref, ref.substring(Sha256.PREFIX.length()), ids, null);
        }
        ImageReference parsed = ImageReference.parse(ref);
        String key = parsed.digest() == null ? parsed.toString() : parsed.withDigest(parsed.digest()).toString();
        String id = repositories.get(key);
        if (id != null && ids.contains(id)) {
            return new ImageMatch(id, false);
        }
        return byPrefix(ref, ref, ids, parsed);
    }

    private static ImageMatch byFullId(String ref, String id, Collection<String> ids) {
        if (!ids.contains(id)) {
            throw new NotFoundException("No such image: " + ref);
        }
        return new ImageMatch(id, true);
    }

    private static ImageMatch byPrefix(String ref, String prefix, Collection<String> ids, ImageReference parsed) {
        if (!prefix.isEmpty() && HEX_PREFIX.matcher(prefix).matches()) {
            List<String> matches = ids.stream().filter(id -> id.startsWith(Sha256.PREFIX + prefix)).toList();
            if (matches.size() == 1) {
                return new ImageMatch(matches.get(0), true);
            }
            if (matches.size() > 1) {
                throw new InvalidArgumentException("ambiguous image id prefix \"" + ref + "\": it matches "
                        + matches.size() + " images");
            }
        }
        throw new NotFoundException("No such image: " + (parsed == null ? ref : parsed.familiar()));
    }
}
