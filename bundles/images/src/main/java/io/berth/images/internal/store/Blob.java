package io.berth.images.internal.store;

/**
 * A blob in the store.
 *
 * @param digest  {@code sha256:<hex>} of its bytes
 * @param size    its length in bytes
 * @param created true when this write added it, false when identical content was already present
 */
public record Blob(String digest, long size, boolean created) {
}
