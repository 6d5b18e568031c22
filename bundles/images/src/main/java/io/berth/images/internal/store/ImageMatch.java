package io.berth.images.internal.store;

/**
 * What a user-given name resolved to.
 *
 * @param id   the image id
 * @param byId true when named by id or id prefix, false when named by a reference
 */
public record ImageMatch(String id, boolean byId) {
}
