package io.berth.api.image;

/**
 * What a pull did.
 *
 * @param reference  the reference pulled, normalized ({@code docker.io/library/busybox:latest})
 * @param digest     the digest of the manifest (or index) the registry served for it
 * @param imageId    the id of the image now in the store
 * @param downloaded false when the store had the image already ("Image is up to date")
 */
public record PullResult(String reference, String digest, String imageId, boolean downloaded) {
}
