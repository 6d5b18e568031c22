package io.berth.api.image;

/**
 * One step of an image removal, in Docker's terms: exactly one of the two fields is set.
 *
 * @param untagged a reference that was removed
 * @param deleted  an image id whose content was deleted
 */
public record ImageRemoval(String untagged, String deleted) {

    public static ImageRemoval untagged(String reference) {
        return new ImageRemoval(reference, null);
    }

    public static ImageRemoval deleted(String imageId) {
        return new ImageRemoval(null, imageId);
    }
}
