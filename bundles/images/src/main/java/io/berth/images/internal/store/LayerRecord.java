package io.berth.images.internal.store;

/**
 * One layer of an image as the store keeps it.
 *
 * @param diffId sha256 of the uncompressed layer tar (names {@code layers/<hex>})
 * @param blob   digest of the archive blob the layer was unpacked from
 * @param size   bytes of regular files in the unpacked layer
 */
public record LayerRecord(String diffId, String blob, long size) {
}
